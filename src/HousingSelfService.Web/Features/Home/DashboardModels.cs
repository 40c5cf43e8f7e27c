namespace HousingSelfService.Web.Features.Home;

/// <summary>Who the home page is for.</summary>
public enum DashboardAudience { Anonymous, Officer, UnlinkedResident, Resident }

/// <summary>One part of the dashboard: either its content, or "unavailable" when the council system behind it did not answer.</summary>
public sealed record Section<T>(T? Value) where T : class
{
    public bool IsAvailable => Value is not null;
}

/// <summary>Everything the home page shows. Serialisable, so the prerendered result is reused by the interactive render.</summary>
public sealed record DashboardModel(DashboardAudience Audience, ResidentDashboard? Resident)
{
    public static DashboardModel For(DashboardAudience audience) => new(audience, null);
}

public sealed record ResidentDashboard(
    Section<ResidentName> Name,
    Section<TenancySummary> Tenancy,
    Section<RentSummary> Rent,
    Section<RepairsSummary> Repairs);

public sealed record ResidentName(string DisplayName);

/// <summary>The tenancy in plain words, e.g. "Secure tenancy" with a one-line meaning.</summary>
public sealed record TenancySummary(string Address, string TenancyType, string TenancyMeaning, DateOnly? StartDate);

/// <summary>Rent balance: positive means the resident owes money (arrears), negative means credit.</summary>
public sealed record RentSummary(decimal Balance, DateOnly AsAt, decimal? WeeklyRent, decimal? WeeklyServiceCharge, string PaymentReference);

public sealed record RepairsSummary(IReadOnlyList<RepairSummary> OpenRepairs, AppointmentSummary? NextAppointment);

public sealed record RepairSummary(int Reference, string Description, string Status, string StatusMeaning, DateOnly Raised, DateOnly? DueBy,
    AppointmentSummary? Appointment, bool IsOverdue)
{
    /// <summary>True when the booked visit is already in the past (for example, no one was in).</summary>
    public bool AppointmentPassed { get; init; }
}

public sealed record AppointmentSummary(DateOnly Date, string Start, string End, int RepairReference, string RepairDescription);
