using Refit;

namespace HousingSelfService.CouncilApi.Client.Persons;

/// <summary>Person API, <c>api/v1/persons</c>.</summary>
public interface IPersonsApi
{
    [Get("/api/v1/persons/{id}")]
    Task<IApiResponse<PersonResponse>> GetPersonAsync(Guid id, CancellationToken cancellationToken = default);

    [Patch("/api/v1/persons/{id}")]
    Task<IApiResponse> UpdatePersonAsync(Guid id, [Body] UpdatePersonRequest request,
        [Header(CouncilApiHeaders.IfMatch)] string ifMatch, CancellationToken cancellationToken = default);
}
