using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Home;

/// <summary>Plain-English wording for council codes and numbers. Pure functions, tested directly.</summary>
public static class Wording
{
    /// <summary>"You owe £312.50" / "You are £45.00 in credit" / "Your account is up to date".</summary>
    public static string Balance(decimal balance) => balance switch
    {
        > 0 => $"You owe {UkFormat.Money(balance)}",
        < 0 => $"You are {UkFormat.Money(-balance)} in credit",
        _ => "Your account is up to date",
    };

    public static string BalanceAsAt(DateOnly asAt) => $"as at {UkFormat.Date(asAt)}";

    /// <summary>The tenancy type and what it means, from the council's tenure type code.</summary>
    public static (string Name, string Meaning) TenancyType(string code, string description) => code.ToUpperInvariant() switch
    {
        "SEC" => ("Secure tenancy", "You can live in your home for the rest of your life. You need to keep to your tenancy agreement."),
        "INT" => ("Introductory tenancy", "A trial tenancy for your first 12 months. If you keep to the rules, it usually becomes a secure tenancy after that."),
        "LEA" => ("Leasehold", "You own the lease of your home. The council is your landlord for the building and charges you for services."),
        "NON" => ("Non-secure tenancy", "You have fewer rights than with a secure tenancy. We often use it while we decide where you will live."),
        "TBB" => ("Temporary accommodation (bed and breakfast)", "Somewhere to stay for a short time while we find you a longer-term home."),
        "SHO" => ("Shared ownership", "You own a share of your home and pay rent on the rest."),
        _ => (string.IsNullOrWhiteSpace(description) ? "Tenancy" : $"{description} tenancy", "Call us if you want to know what this type of tenancy means for you."),
    };

    /// <summary>A repair's status in words, and what happens next.</summary>
    public static (string Status, string Meaning) RepairStatus(string status) => status.Trim().ToUpperInvariant() switch
    {
        "IN PROGRESS" => ("In progress", "We have booked the work and are getting it done."),
        "AUTHORISATION PENDING APPROVAL" => ("Waiting for approval", "A manager needs to approve this work before we can book it."),
        "ON HOLD" => ("On hold", "The work is paused, for example while we wait for parts."),
        "NO ACCESS" => ("We could not get in", "We came but could not get into your home. Call us to book another visit."),
        "WORK COMPLETE" => ("Completed", "The work is finished."),
        "WORK CANCELLED" => ("Cancelled", "This repair was cancelled."),
        _ => (status, "Call us if you want to know more about this repair."),
    };

    /// <summary>"Tuesday 1 December 2026, 8am to midday".</summary>
    public static string Appointment(DateOnly date, string start, string end) =>
        $"{UkFormat.DayAndDate(date)}, {UkFormat.Time(start)} to {UkFormat.Time(end)}";
}
