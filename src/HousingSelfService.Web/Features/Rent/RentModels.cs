namespace HousingSelfService.Web.Features.Rent;

/// <summary>Whether rent information could be shown: not for someone without a linked tenancy, nor when the finance system is down.</summary>
public enum RentOutcome { Found, NotLinked, Unavailable, NotFound }

/// <summary>A rent page's data, or why there is none. Serialisable, so prerendered results carry into the interactive render.</summary>
public sealed record RentResult<T>(RentOutcome Outcome, T? Value) where T : class;

public static class RentResult
{
    public static RentResult<T> Found<T>(T value) where T : class => new(RentOutcome.Found, value);
    public static RentResult<T> NotLinked<T>() where T : class => new(RentOutcome.NotLinked, null);
    public static RentResult<T> Unavailable<T>() where T : class => new(RentOutcome.Unavailable, null);
    public static RentResult<T> NotFound<T>() where T : class => new(RentOutcome.NotFound, null);
}

/// <summary>One part of what the resident pays each week (or month), e.g. "Rent £120.00".</summary>
public sealed record ChargeLine(string Name, decimal Amount);

/// <summary>How the resident last paid, for the payment timing note.</summary>
public sealed record LastPayment(DateOnly Date, decimal Amount, string Method, PaymentKind Kind);

public enum PaymentKind { Other, DirectDebit, HousingBenefit, UniversalCredit, Card }

/// <summary>The rent account in words. <see cref="Balance"/> positive is arrears, negative credit.</summary>
public sealed record RentOverview(
    decimal Balance,
    DateTime AsAt,
    string PaymentReference,
    string Frequency,
    IReadOnlyList<ChargeLine> Charges,
    DateOnly NextPaymentDue,
    LastPayment? LastPayment)
{
    public decimal TotalCharge => Charges.Sum(c => c.Amount);
}

/// <summary>One line of a statement: what happened, in words, with what was charged or paid and the balance after it.</summary>
public sealed record StatementRow(DateOnly Date, string Description, decimal? Charged, decimal? Paid, decimal Balance);

public sealed record RentStatement(DateOnly From, DateOnly To, IReadOnlyList<StatementRow> Rows, int Page, int PageCount, int TotalCount);

/// <summary>The balance at the end of one month (or today, for this month).</summary>
public sealed record MonthBalance(DateOnly Date, string Month, decimal Balance);

public sealed record BalanceHistory(IReadOnlyList<MonthBalance> Months);
