namespace HousingSelfService.CouncilApi.Client.DirectDebits;

public enum MandateStatus { Active, Cancelled }

/// <summary>A Direct Debit mandate for a rent account. Only the last 4 digits of the account number are ever kept.</summary>
public sealed record DirectDebitMandate
{
    public required Guid Id { get; init; }
    public required Guid TargetId { get; init; }
    public required string AccountHolder { get; init; }
    public required string SortCode { get; init; }
    public required string AccountNumberEnding { get; init; }
    /// <summary>Day of the month the payment is collected, 1 to 28.</summary>
    public int CollectionDay { get; init; }
    public decimal Amount { get; init; }
    public MandateStatus Status { get; init; }
    public DateOnly FirstCollectionDate { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? CancelledAt { get; init; }
}

public sealed record DirectDebitsResponse(IReadOnlyList<DirectDebitMandate> Results);

/// <summary>A new mandate (replacing any active one). The account number is modulus-checked and then reduced to its last 4 digits.</summary>
public sealed record CreateDirectDebitRequest(string AccountHolder, string SortCode, string AccountNumber, int CollectionDay, decimal Amount);
