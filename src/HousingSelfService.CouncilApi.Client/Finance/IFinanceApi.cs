using Refit;

namespace HousingSelfService.CouncilApi.Client.Finance;

/// <summary>Housing finance: rent accounts (<c>api/v1/accounts</c>) and transactions (<c>api/v1/transactions</c>).</summary>
public interface IFinanceApi
{
    [Get("/api/v1/accounts")]
    Task<AccountsResponse> GetAccountsAsync(Guid targetId, CancellationToken cancellationToken = default);

    /// <summary><paramref name="endDate"/> must be after <paramref name="startDate"/>.</summary>
    [Get("/api/v1/transactions")]
    Task<TransactionsResponse> GetTransactionsAsync(Guid targetId,
        [Query(Format = "yyyy-MM-dd")] DateOnly startDate, [Query(Format = "yyyy-MM-dd")] DateOnly endDate,
        int page = 1, int pageSize = 20, CancellationToken cancellationToken = default);
}
