namespace HousingSelfService.Web.Infrastructure.Notifications;

/// <summary>Where sent messages go (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Folder for the file sender's messages; relative to the data folder.</summary>
    public string Folder { get; set; } = "notifications";

    /// <summary>
    /// Makes the file sender fail as Notify can, to rehearse outages: None, RateLimited (429), ServerError (500)
    /// or AuthError (403).
    /// </summary>
    public SimulatedNotifyFailure SimulateFailure { get; set; } = SimulatedNotifyFailure.None;
}

public enum SimulatedNotifyFailure { None, RateLimited, ServerError, AuthError }
