using System.Globalization;
using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Rent;

/// <summary>
/// The rent pages' feature boundary: reads only the signed-in resident's own rent account (from their tenancy link,
/// never from a URL), puts council codes into words, and turns finance API failures into "unavailable".
/// </summary>
public sealed class RentService(CurrentResident currentResident, IFinanceApi finance, TimeProvider time, ILogger<RentService> logger)
{
    public const int RentStatementSize = 20;
    private const int ApiPageSize = 100;

    public Task<RentResult<RentOverview>> GetOverviewAsync(CancellationToken cancellationToken = default) =>
        ForResidentAsync(link => LoadOverviewAsync(link, cancellationToken), cancellationToken);

    public Task<RentResult<RentStatement>> GetStatementAsync(DateOnly from, DateOnly to, int page, CancellationToken cancellationToken = default) =>
        ForResidentAsync(link => LoadRentStatementAsync(link, from, to, page, cancellationToken), cancellationToken);

    public Task<RentResult<BalanceHistory>> GetHistoryAsync(CancellationToken cancellationToken = default) =>
        ForResidentAsync(link => LoadHistoryAsync(link, cancellationToken), cancellationToken);

    /// <summary>Every statement row in the period, oldest first, for downloads.</summary>
    public async Task<RentResult<IReadOnlyList<StatementRow>>> GetAllRowsAsync(TenancyLink link, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        return await GuardAsync(async () =>
        {
            var transactions = await AllTransactionsAsync(link, from, to, cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<StatementRow>)[.. transactions.OrderBy(t => t.TransactionDate).Select(ToRow)];
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RentResult<T>> ForResidentAsync<T>(Func<TenancyLink, Task<T>> load, CancellationToken cancellationToken) where T : class
    {
        var viewer = await currentResident.GetAsync(cancellationToken).ConfigureAwait(false);
        return viewer is { Kind: ViewerKind.Resident, Link: { } link }
            ? await GuardAsync(() => load(link), cancellationToken).ConfigureAwait(false)
            : RentResult.NotLinked<T>();
    }

    private async Task<RentResult<T>> GuardAsync<T>(Func<Task<T>> load, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return RentResult.Found(await load().ConfigureAwait(false));
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council finance API was unavailable for the rent pages.");
            return RentResult.Unavailable<T>();
        }
    }

    private async Task<RentOverview> LoadOverviewAsync(TenancyLink link, CancellationToken cancellationToken)
    {
        var now = UkFormat.Now(time);
        var today = DateOnly.FromDateTime(now);
        var accounts = finance.GetAccountsAsync(link.TenureId, cancellationToken);
        var recent = finance.GetTransactionsAsync(link.TenureId, today.AddMonths(-2), today, 1, 50, cancellationToken);
        var account = ActiveAccount(await accounts.ConfigureAwait(false));
        var lastPayment = (await recent.ConfigureAwait(false)).Results
            .Where(t => t.PaidAmount > 0)
            .OrderByDescending(t => t.TransactionDate)
            .Select(t => new LastPayment(DateOnly.FromDateTime(t.TransactionDate), t.PaidAmount, RentWording.Transaction(t.TransactionType),
                RentWording.KindOf(t.TransactionType)))
            .FirstOrDefault();
        var frequency = account.ConsolidatedCharges.Count > 0 ? account.ConsolidatedCharges[0].Frequency : "Weekly";
        var charges = account.ConsolidatedCharges.Select(c => new ChargeLine(RentWording.Charge(c.Type), c.Amount)).ToList();
        return new RentOverview(account.AccountBalance, now, account.PaymentReference, frequency, charges, NextMonday(today), lastPayment);
    }

    /// <summary>Rent is charged every Monday, in advance (Hackney's rule), so the next payment is due on the coming Monday.</summary>
    internal static DateOnly NextMonday(DateOnly today) => today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);

    private static CouncilApi.Client.Finance.Account ActiveAccount(AccountsResponse accounts)
    {
        var list = accounts.AccountResponseList;
        return list.FirstOrDefault(a => a.AccountStatus == AccountStatus.Active)
            ?? (list.Count > 0 ? list[0] : null)
            ?? throw new CouncilDataUnavailableException("The tenure has no rent account.");
    }

    private async Task<RentStatement> LoadRentStatementAsync(TenancyLink link, DateOnly from, DateOnly to, int page, CancellationToken cancellationToken)
    {
        var response = await finance.GetTransactionsAsync(link.TenureId, from, ApiEnd(from, to), Math.Max(page, 1), RentStatementSize, cancellationToken)
            .ConfigureAwait(false);
        var pagination = response.Metadata.Pagination;
        return new RentStatement(from, to, [.. response.Results.Select(ToRow)], pagination.CurrentPage, pagination.PageCount, pagination.TotalCount);
    }

    /// <summary>The API wants the end after the start; both are whole days, so a one-day period asks up to the next day.</summary>
    private static DateOnly ApiEnd(DateOnly from, DateOnly to) => to > from ? to : from.AddDays(1);

    private async Task<List<Transaction>> AllTransactionsAsync(TenancyLink link, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var all = new List<Transaction>();
        for (var page = 1; ; page++)
        {
            var response = await finance.GetTransactionsAsync(link.TenureId, from, ApiEnd(from, to), page, ApiPageSize, cancellationToken).ConfigureAwait(false);
            all.AddRange(response.Results.Where(t => DateOnly.FromDateTime(t.TransactionDate) <= to));
            if (page >= response.Metadata.Pagination.PageCount)
            {
                return all;
            }
        }
    }

    private static StatementRow ToRow(Transaction t) => new(DateOnly.FromDateTime(t.TransactionDate), RentWording.Transaction(t.TransactionType),
        t.ChargedAmount == 0 ? null : t.ChargedAmount, t.PaidAmount == 0 ? null : t.PaidAmount, t.BalanceAmount);

    /// <summary>The balance at the end of each of the last 12 months, this month's being today's.</summary>
    private async Task<BalanceHistory> LoadHistoryAsync(TenancyLink link, CancellationToken cancellationToken)
    {
        var today = UkFormat.Today(time);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var accounts = finance.GetAccountsAsync(link.TenureId, cancellationToken);
        var transactions = (await AllTransactionsAsync(link, firstMonth, today, cancellationToken).ConfigureAwait(false))
            .OrderBy(t => t.TransactionDate).ToList();
        var current = ActiveAccount(await accounts.ConfigureAwait(false)).AccountBalance;
        return new BalanceHistory(BalancesByMonth(transactions, firstMonth, today, current));
    }

    internal static IReadOnlyList<MonthBalance> BalancesByMonth(IReadOnlyList<Transaction> oldestFirst, DateOnly firstMonth, DateOnly today, decimal current)
    {
        // Before the first transaction in range, the balance was that transaction's balance with its own effect undone.
        var opening = oldestFirst.Count > 0 ? oldestFirst[0].BalanceAmount - oldestFirst[0].ChargedAmount + oldestFirst[0].PaidAmount : current;
        var months = new List<MonthBalance>();
        for (var month = firstMonth; month <= today; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            if (end > today)
            {
                end = today;
            }

            var last = oldestFirst.LastOrDefault(t => DateOnly.FromDateTime(t.TransactionDate) <= end);
            var balance = end == today ? current : last?.BalanceAmount ?? opening;
            months.Add(new MonthBalance(end, month.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB")), balance));
        }

        return months;
    }
}
