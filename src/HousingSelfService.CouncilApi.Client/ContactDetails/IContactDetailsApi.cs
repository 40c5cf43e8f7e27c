using Refit;

namespace HousingSelfService.CouncilApi.Client.ContactDetails;

/// <summary>Contact details API, <c>api/v2/contactDetails</c>.</summary>
public interface IContactDetailsApi
{
    [Get("/api/v2/contactDetails")]
    Task<IApiResponse<ContactDetailsResponse>> GetContactDetailsAsync(Guid targetId, CancellationToken cancellationToken = default);

    [Post("/api/v2/contactDetails")]
    Task<IApiResponse<ContactDetail>> CreateContactDetailAsync([Body] CreateContactDetailRequest request,
        [Header(CouncilApiHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken = default);

    [Patch("/api/v2/contactDetails/{id}/person/{personId}")]
    Task<IApiResponse> UpdateContactDetailAsync(Guid id, Guid personId, [Body] UpdateContactDetailRequest request,
        [Header(CouncilApiHeaders.IfMatch)] string ifMatch, CancellationToken cancellationToken = default);

    [Delete("/api/v1/contactDetails")]
    Task<IApiResponse<ContactDetail>> DeleteContactDetailAsync(Guid targetId, Guid id,
        [Header(CouncilApiHeaders.IfMatch)] string ifMatch, CancellationToken cancellationToken = default);
}
