using System.Globalization;

namespace HousingSelfService.Web.Features.Account;

/// <summary>
/// How long a sign-in lasts without activity, and how long before that the warning shows (WCAG 2.2.1). Settings
/// <c>Account:IdleTimeout</c> and <c>Account:TimeoutWarning</c> (a TimeSpan such as 00:30:00) change them, so a browser
/// test can watch the warning and the sign-out in seconds.
/// </summary>
public sealed record SessionTimeout(TimeSpan Idle, TimeSpan WarningBefore)
{
    public static SessionTimeout Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(2));

    public static SessionTimeout From(IConfiguration configuration) => new(
        configuration.GetValue<TimeSpan?>("Account:IdleTimeout") ?? Default.Idle,
        configuration.GetValue<TimeSpan?>("Account:TimeoutWarning") ?? Default.WarningBefore);

    /// <summary>"30 minutes", or "20 seconds" under a minute.</summary>
    public static string InWords(TimeSpan span) => span.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} minute{((int)span.TotalMinutes == 1 ? "" : "s")}")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds} seconds");
}
