using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>Housing finance: rent accounts (<c>api/v1/accounts</c>) and transactions (<c>api/v1/transactions</c>).</summary>
public static class FinanceEndpoints
{
    public const int MaxPageSize = 100;
    private const int DefaultPageSize = 20;

    public static void MapFinance(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/accounts", GetAccountsAsync);
        routes.MapGet("/api/v1/transactions", GetTransactionsAsync);
    }

    private static async Task<IResult> GetAccountsAsync(Guid? targetId, CouncilDbContext database, CancellationToken cancellationToken)
    {
        if (targetId is not { } target)
        {
            return ApiErrors.Finance(StatusCodes.Status400BadRequest, "targetId is required.", "Pass the tenure id as targetId.");
        }

        var tenure = await database.Tenures.AsNoTracking().SingleOrDefaultAsync(t => t.Id == target, cancellationToken);
        if (tenure is null)
        {
            return ApiErrors.Finance(StatusCodes.Status404NotFound, $"No account was found for target {target}.");
        }

        var asset = await database.Assets.AsNoTracking().SingleAsync(a => a.Id == tenure.AssetId, cancellationToken);
        var tenureType = Lookups.TenureTypeOf(tenure.TenureTypeCode);
        var charges = new[] { ("Rent", tenure.Rent), ("ServiceCharge", tenure.ServiceCharge), ("OtherCharges", tenure.OtherCharges) }
            .Where(charge => charge.Item2 != 0)
            .Select(charge => new ConsolidatedCharge(charge.Item1, Lookups.WeeklyFrequency, charge.Item2))
            .ToList();
        var account = new Account
        {
            Id = tenure.AccountId,
            TargetId = tenure.Id,
            TargetType = TargetType.Tenure,
            AccountBalance = tenure.Balance,
            ConsolidatedCharges = charges,
            PaymentReference = tenure.PaymentReference,
            AccountStatus = tenure.IsActive ? AccountStatus.Active : AccountStatus.Ended,
            StartDate = tenure.StartOfTenureDate,
            Tenure = new AccountTenure(tenure.Id.ToString(), asset.FullAddress, tenureType.Code, tenureType.Description),
        };
        return Results.Ok(new AccountsResponse([account]));
    }

    private static async Task<IResult> GetTransactionsAsync(Guid? targetId, DateOnly? startDate, DateOnly? endDate, int? page, int? pageSize,
        CouncilDbContext database, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (targetId is not { } target)
        {
            return ApiErrors.Finance(StatusCodes.Status400BadRequest, "targetId is required.", "Pass the tenure id as targetId.");
        }

        var from = startDate ?? DateOnly.MinValue;
        var to = endDate ?? DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        if (to <= from)
        {
            return ApiErrors.Finance(StatusCodes.Status400BadRequest, "endDate must be after startDate.",
                $"startDate {from:yyyy-MM-dd} is not before endDate {to:yyyy-MM-dd}.");
        }

        var pageNumber = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (pageNumber < 1 || size is < 1 or > MaxPageSize)
        {
            return ApiErrors.Finance(StatusCodes.Status400BadRequest, "Invalid paging.",
                $"page must be 1 or more and pageSize between 1 and {MaxPageSize}.");
        }

        if (!await database.Tenures.AnyAsync(t => t.Id == target, cancellationToken))
        {
            return ApiErrors.Finance(StatusCodes.Status404NotFound, $"No transactions were found for target {target}.");
        }

        // Both ends are whole days: everything from the start of startDate to the end of endDate.
        var fromTime = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var beforeTime = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var query = database.Transactions.AsNoTracking()
            .Where(t => t.TenureId == target && t.TransactionDate >= fromTime && t.TransactionDate < beforeTime);
        var total = await query.CountAsync(cancellationToken);
        var records = await query.OrderByDescending(t => t.TransactionDate).ThenByDescending(t => t.Sequence)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(cancellationToken);
        var results = records.Select(t => new Transaction
        {
            Id = t.Id,
            TransactionDate = t.TransactionDate,
            TransactionType = t.TransactionType,
            TransactionAmount = t.TransactionAmount,
            PaidAmount = t.PaidAmount,
            ChargedAmount = t.ChargedAmount,
            BalanceAmount = t.BalanceAmount,
            HousingBenefitAmount = t.HousingBenefitAmount,
            PaymentReference = t.PaymentReference,
        }).ToList();
        var pagination = new Pagination(results.Count, pageNumber, size, total, (total + size - 1) / size);
        return Results.Ok(new TransactionsResponse(results, new TransactionsMetadata(pagination)));
    }
}
