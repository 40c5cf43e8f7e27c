using System.Text.Json.Serialization;

namespace HousingSelfService.CouncilApi.Client.Agreements;

/// <summary>How often an arrangement's instalments are paid, in lbh-income-api's spelling.</summary>
public enum AgreementFrequency
{
    [JsonStringEnumMemberName("weekly")] Weekly,
    [JsonStringEnumMemberName("fortnightly")] Fortnightly,
    [JsonStringEnumMemberName("4 weekly")] FourWeekly,
    [JsonStringEnumMemberName("monthly")] Monthly,
}

public enum AgreementState
{
    [JsonStringEnumMemberName("live")] Live,
    [JsonStringEnumMemberName("breached")] Breached,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("completed")] Completed,
}

/// <summary><c>POST /api/v1/agreement/{tenancyRef}</c>: an informal arrangement to pay off arrears, on top of the rent.</summary>
public sealed record CreateAgreementRequest(
    [property: JsonPropertyName("agreement_type")] string AgreementType,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("frequency")] AgreementFrequency Frequency,
    [property: JsonPropertyName("start_date")] DateOnly StartDate,
    [property: JsonPropertyName("notes")] string? Notes);

public sealed record Agreement(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("tenancy_agreement_ref")] string TenancyAgreementRef,
    [property: JsonPropertyName("agreement_type")] string AgreementType,
    [property: JsonPropertyName("starting_balance")] decimal StartingBalance,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("frequency")] AgreementFrequency Frequency,
    [property: JsonPropertyName("start_date")] DateOnly StartDate,
    [property: JsonPropertyName("current_state")] AgreementState CurrentState,
    [property: JsonPropertyName("created_at")] DateTime CreatedAt,
    [property: JsonPropertyName("created_by")] string CreatedBy,
    [property: JsonPropertyName("notes")] string? Notes);

public sealed record AgreementsResponse([property: JsonPropertyName("agreements")] IReadOnlyList<Agreement> Agreements);
