using HousingSelfService.Web.Infrastructure.Notifications;

namespace HousingSelfService.Web.Features.Repairs;

/// <summary>The repair confirmation messages (Notify-shaped templates).</summary>
public static class RepairTemplates
{
    public const string EmailId = "repair-reported-email";
    public const string SmsId = "repair-reported-sms";

    public static NotificationTemplate Email { get; } = new(EmailId, NotificationChannel.Email,
        "Repair reported: reference ((reference))",
        """
        We have your repair report.

        Reference: ((reference))
        Problem: ((issue))
        Appointment: ((appointment))

        ((next))

        If anything changes, sign in to Housing self-service or call us.
        """);

    public static NotificationTemplate Sms { get; } = new(SmsId, NotificationChannel.Sms, null,
        "Repair reported, reference ((reference)). Appointment: ((appointment)). ((next))");
}
