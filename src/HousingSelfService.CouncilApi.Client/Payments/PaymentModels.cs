using System.Text.Json.Serialization;

namespace HousingSelfService.CouncilApi.Client.Payments;

/// <summary>GOV.UK Pay's payment states, in its wire spelling.</summary>
public enum PaymentStatus
{
    [JsonStringEnumMemberName("created")] Created,
    [JsonStringEnumMemberName("started")] Started,
    [JsonStringEnumMemberName("submitted")] Submitted,
    [JsonStringEnumMemberName("success")] Success,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("error")] Error,
}

/// <summary>
/// <c>POST /v1/payments</c>: <paramref name="Amount"/> in pence; <paramref name="Reference"/> is the rent account's
/// payment reference, so the payment is credited to that account.
/// </summary>
public sealed record CreatePaymentRequest(
    [property: JsonPropertyName("amount")] int Amount,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("return_url")] string ReturnUrl);

/// <summary>A payment's state; when it finished unsuccessfully, <see cref="Code"/> says why (GOV.UK Pay's P0010 declined, P0030 cancelled, P0050 error).</summary>
public sealed record PaymentState(
    [property: JsonPropertyName("status")] PaymentStatus Status,
    [property: JsonPropertyName("finished")] bool Finished,
    [property: JsonPropertyName("code")] string? Code = null,
    [property: JsonPropertyName("message")] string? Message = null);

public sealed record PaymentLink(
    [property: JsonPropertyName("href")] string Href,
    [property: JsonPropertyName("method")] string Method);

public sealed record PaymentLinks(
    [property: JsonPropertyName("self")] PaymentLink Self,
    [property: JsonPropertyName("next_url")] PaymentLink? NextUrl);

/// <summary>A card payment as GOV.UK Pay describes it; <see cref="Links"/> carries the hosted card page while the payment is open.</summary>
public sealed record Payment(
    [property: JsonPropertyName("payment_id")] string PaymentId,
    [property: JsonPropertyName("amount")] int Amount,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("return_url")] string ReturnUrl,
    [property: JsonPropertyName("state")] PaymentState State,
    [property: JsonPropertyName("created_date")] DateTime CreatedDate,
    [property: JsonPropertyName("_links")] PaymentLinks Links);

/// <summary>GOV.UK Pay's error body: <c>{code, field, description}</c>.</summary>
public sealed record PaymentError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("field")] string? Field = null);
