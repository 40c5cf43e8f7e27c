using System.Text.Json.Nodes;

namespace HousingSelfService.CouncilApi.Client.Processes;

/// <summary>The process names the app starts (Hackney processes-api names).</summary>
public static class ProcessNames
{
    public const string SoleToJoint = "soletojoint";
    public const string ChangeOfName = "changeofname";
    public const string AddHouseholdMember = "addhouseholdmember";
    public const string RemoveHouseholdMember = "removehouseholdmember";
    public const string EndTenancy = "endtenancy";
    public const string Permission = "permission";
    public const string AsbReport = "asbreport";
    public const string MutualExchange = "mutualexchange";
    public const string Transfer = "transfer";

    public static IReadOnlyList<string> All { get; } =
        [SoleToJoint, ChangeOfName, AddHouseholdMember, RemoveHouseholdMember, EndTenancy, Permission, AsbReport, MutualExchange, Transfer];
}

/// <summary>The states a resident's request moves through.</summary>
public static class ProcessStates
{
    public const string Submitted = "Submitted";
    public const string UnderReview = "UnderReview";
    public const string MoreInformationNeeded = "MoreInformationNeeded";
    public const string Approved = "Approved";
    public const string Declined = "Declined";
    public const string Withdrawn = "Withdrawn";
}

/// <summary>Triggers that move a process from one state to the next (officer use, and Withdraw for residents).</summary>
public static class ProcessTriggers
{
    public const string StartReview = "StartReview";
    public const string RequestMoreInformation = "RequestMoreInformation";
    public const string Approve = "Approve";
    public const string Decline = "Decline";
    public const string Withdraw = "Withdraw";
}

public sealed record RelatedEntity(Guid Id, string TargetType, string? SubType, string? Description);

/// <summary>Body of <c>POST /api/v1/process/{processName}</c>.</summary>
public sealed record CreateProcessRequest
{
    public required Guid TargetId { get; init; }
    public string TargetType { get; init; } = "tenure";
    public required JsonObject FormData { get; init; }
    public IReadOnlyList<string> Documents { get; init; } = [];
    public IReadOnlyList<RelatedEntity> RelatedEntities { get; init; } = [];
}

public sealed record CreateProcessResponse(Guid Id);

public sealed record ProcessState
{
    public required string State { get; init; }
    public IReadOnlyList<string> PermittedTriggers { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

public sealed record ProcessResponse
{
    public required Guid Id { get; init; }
    public required string ProcessName { get; init; }
    public required Guid TargetId { get; init; }
    public required string TargetType { get; init; }
    /// <summary>The short reference a resident quotes, e.g. <c>TP-000123</c>.</summary>
    public required string Reference { get; init; }
    public required JsonObject FormData { get; init; }
    public IReadOnlyList<string> Documents { get; init; } = [];
    public IReadOnlyList<RelatedEntity> RelatedEntities { get; init; } = [];
    public required ProcessState CurrentState { get; init; }
    public IReadOnlyList<ProcessState> PreviousStates { get; init; } = [];
}

public sealed record ProcessesResponse(IReadOnlyList<ProcessResponse> Results);

/// <summary>Body of <c>PATCH /api/v1/process/{processName}/{id}/{processTrigger}</c>.</summary>
public sealed record UpdateProcessRequest(JsonObject? FormData = null);
