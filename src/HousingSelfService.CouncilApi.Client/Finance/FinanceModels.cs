namespace HousingSelfService.CouncilApi.Client.Finance;

public enum AccountStatus { Active, Suspended, Ended }

public enum TargetType { Tenure }

public sealed record AccountsResponse(IReadOnlyList<Account> AccountResponseList);

/// <summary>A rent account. A positive <see cref="AccountBalance"/> is arrears; negative is credit.</summary>
public sealed record Account
{
    public required Guid Id { get; init; }
    public required Guid TargetId { get; init; }
    public TargetType TargetType { get; init; }
    public decimal AccountBalance { get; init; }
    public IReadOnlyList<ConsolidatedCharge> ConsolidatedCharges { get; init; } = [];
    public required string PaymentReference { get; init; }
    public AccountStatus AccountStatus { get; init; }
    public DateTime StartDate { get; init; }
    public AccountTenure? Tenure { get; init; }
}

public sealed record ConsolidatedCharge(string Type, string Frequency, decimal Amount);

public sealed record AccountTenure(string TenureId, string FullAddress, string TenureTypeCode, string TenureTypeDescription);

public enum TransactionType
{
    BasicRentNoVAT,
    ServiceCharges,
    DirectDebit,
    DirectDebitUnpaid,
    DebitOrCreditCard,
    HousingBenefit,
    UniversalCreditRec,
    TenantRefund,
    CashPayment,
    StandingOrder,
}

public sealed record TransactionsResponse(IReadOnlyList<Transaction> Results, TransactionsMetadata Metadata);

public sealed record Transaction
{
    public required Guid Id { get; init; }
    public required DateTime TransactionDate { get; init; }
    public TransactionType TransactionType { get; init; }
    public decimal TransactionAmount { get; init; }
    public decimal PaidAmount { get; init; }
    public decimal ChargedAmount { get; init; }
    /// <summary>Running balance after this transaction; positive is arrears.</summary>
    public decimal BalanceAmount { get; init; }
    public decimal HousingBenefitAmount { get; init; }
    public required string PaymentReference { get; init; }
}

public sealed record TransactionsMetadata(Pagination Pagination);

public sealed record Pagination(int ResultCount, int CurrentPage, int PageSize, int TotalCount, int PageCount);
