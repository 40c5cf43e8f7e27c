namespace HousingSelfService.CouncilApi.Client.Repairs;

/// <summary>A work order as the Repairs Hub API lists and returns it.</summary>
public sealed record WorkOrder
{
    public required int Reference { get; init; }
    public required DateTime DateRaised { get; init; }
    public DateTime? LastUpdated { get; init; }
    /// <summary>Priority in words, e.g. <c>4 [N] NORMAL</c>.</summary>
    public required string Priority { get; init; }
    public required int PriorityCode { get; init; }
    public required string PropertyReference { get; init; }
    public required string Description { get; init; }
    /// <summary>The date the repair is due by.</summary>
    public DateTime? Target { get; init; }
    /// <summary>Status in words, e.g. <c>In Progress</c>; see <see cref="WorkOrderStatus"/>.</summary>
    public required string Status { get; init; }
    public string? TradeDescription { get; init; }
    public WorkOrderAppointment? Appointment { get; init; }
    public string? CallerName { get; init; }
    public string? CallerNumber { get; init; }
}

/// <summary>An appointment: <c>start</c>/<c>end</c> are <c>HH:mm</c>; <c>description</c> is AM or PM.</summary>
public sealed record WorkOrderAppointment(DateOnly Date, string Description, string Start, string End);

public sealed record WorkOrderNote(string Note, DateTime Time, string User);

/// <summary>The Repairs Hub status codes and their words.</summary>
public static class WorkOrderStatus
{
    public const int InProgress = 80;
    public const int AuthorisationPendingApproval = 1010;
    public const int WorkComplete = 50;
    public const int WorkCancelled = 30;
    public const int NoAccess = 1000;
    public const int OnHold = 70;

    private static readonly Dictionary<int, string> Words = new()
    {
        [InProgress] = "In Progress",
        [AuthorisationPendingApproval] = "Authorisation Pending Approval",
        [WorkComplete] = "Work Complete",
        [WorkCancelled] = "Work Cancelled",
        [NoAccess] = "No Access",
        [OnHold] = "On Hold",
    };

    public static IReadOnlyDictionary<int, string> All => Words;

    public static string Describe(int code) => Words.TryGetValue(code, out var text) ? text : "Unknown";

    public static int? CodeOf(string status) =>
        Words.FirstOrDefault(pair => string.Equals(pair.Value, status, StringComparison.OrdinalIgnoreCase)) is { Value: not null } match
            ? match.Key
            : null;

    /// <summary>Closed work orders are complete or cancelled; every other status is still open.</summary>
    public static bool IsOpen(string status) => CodeOf(status) is not (WorkComplete or WorkCancelled);
}

/// <summary>The repair priorities; only 3, 4 and 10 may be booked online.</summary>
public static class RepairPriority
{
    public const int Immediate = 1;
    public const int Emergency = 2;
    public const int Urgent = 3;
    public const int Normal = 4;
    public const int DampAndMould = 10;

    public static bool CanBookOnline(int priorityCode) => priorityCode is Urgent or Normal or DampAndMould;

    /// <summary>The priority as Repairs Hub writes it, e.g. <c>4 [N] NORMAL</c>.</summary>
    public static string Text(int priorityCode) => priorityCode switch
    {
        Immediate => "1 [I] IMMEDIATE",
        Emergency => "2 [E] EMERGENCY",
        Urgent => "3 [U] URGENT",
        Normal => "4 [N] NORMAL",
        DampAndMould => "10 [D] DAMP AND MOULD",
        _ => $"{priorityCode} UNKNOWN",
    };

    /// <summary>When a repair raised at <paramref name="raised"/> is due; the app and the API share this rule.</summary>
    public static DateTime Target(int priorityCode, DateTime raised) => priorityCode switch
    {
        Immediate => raised.Date.AddDays(1).AddTicks(-1),
        Emergency => raised.AddDays(1),
        Urgent => AddWorkingDays(raised, 5),
        // Awaab's Law: damp and mould hazards are investigated within 10 working days.
        DampAndMould => AddWorkingDays(raised, 10),
        _ => raised.AddDays(21),
    };

    private static DateTime AddWorkingDays(DateTime from, int days)
    {
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return date;
    }
}

/// <summary>HACT-style body of <c>POST /api/v2/workOrders/schedule</c>.</summary>
public sealed record ScheduleRepairRequest
{
    public required IReadOnlyList<Reference> Reference { get; init; }
    public required string DescriptionOfWork { get; init; }
    public required Priority Priority { get; init; }
    public required IReadOnlyList<WorkElement> WorkElement { get; init; }
    public required Site Site { get; init; }
    public Customer? Customer { get; init; }
    public string? LocationOfRepair { get; init; }
    public string? AccessInformation { get; init; }
}

public sealed record Reference(string Id);

public sealed record Priority(int PriorityCode, string PriorityDescription, int NumberOfDays);

public sealed record WorkElement(IReadOnlyList<RateScheduleItem> RateScheduleItem, IReadOnlyList<Trade> Trade);

public sealed record RateScheduleItem(string CustomCode, decimal Quantity);

public sealed record Trade(string Code, string? CustomName);

public sealed record Site(IReadOnlyList<SiteProperty> Property);

public sealed record SiteProperty(string PropertyReference);

public sealed record Customer(string Name, CustomerPerson? Person);

public sealed record CustomerPerson(IReadOnlyList<Communication> Communication);

public sealed record Communication(string Value);

public sealed record ScheduleRepairResponse(int Id, int StatusCode, string StatusCodeDescription);

/// <summary>Body of <c>POST /api/v2/workOrderComplete</c>; <c>otherType: "cancel"</c> cancels.</summary>
public sealed record WorkOrderCompleteRequest(WorkOrderReference WorkOrderReference, IReadOnlyList<JobStatusUpdate> JobStatusUpdates);

public sealed record WorkOrderReference(string Id);

public sealed record JobStatusUpdate(string OtherType, string Comments);
