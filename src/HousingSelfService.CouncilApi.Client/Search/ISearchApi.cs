using Refit;

namespace HousingSelfService.CouncilApi.Client.Search;

/// <summary>Housing search API, <c>api/v1/search</c> (officer search). Pages are 1-based.</summary>
public interface ISearchApi
{
    [Get("/api/v1/search/persons")]
    Task<SearchResponse<PersonSearchResults>> SearchPersonsAsync(string searchText, int page = 1, int pageSize = 12,
        CancellationToken cancellationToken = default);

    [Get("/api/v1/search/tenures")]
    Task<SearchResponse<TenureSearchResults>> SearchTenuresAsync(string searchText, int page = 1, int pageSize = 12,
        CancellationToken cancellationToken = default);
}
