using Refit;

namespace HousingSelfService.CouncilApi.Client.Payments;

/// <summary>Card payments, shaped like GOV.UK Pay (<c>/v1/payments</c>), which councils use to take card payments.</summary>
public interface IPaymentsApi
{
    /// <summary>Creates a payment and returns the hosted card page to send the payer to. Retried safely: same key, same payment.</summary>
    [Post("/v1/payments")]
    Task<IApiResponse<Payment>> CreatePaymentAsync([Body] CreatePaymentRequest request,
        [Header(CouncilApiHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken = default);

    [Get("/v1/payments/{paymentId}")]
    Task<IApiResponse<Payment>> GetPaymentAsync(string paymentId, CancellationToken cancellationToken = default);
}
