using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HousingSelfService.Web.Infrastructure.Notifications;

/// <summary>
/// The default <see cref="INotificationSender"/>: checks a message as Notify would (known template of the right
/// channel, every placeholder filled, a valid recipient) and writes it as a JSON file instead of sending it, so
/// demos and tests can read what a resident would have received. Swap in a Notify client for production.
/// </summary>
public sealed partial class FileNotificationSender(
    IEnumerable<NotificationTemplate> templates,
    IOptions<NotificationOptions> options,
    NotificationFolder folder,
    TimeProvider time,
    ILogger<FileNotificationSender> logger) : INotificationSender
{
    private readonly Dictionary<string, NotificationTemplate> _templates =
        templates.ToDictionary(t => t.Id, StringComparer.Ordinal);

    public Task<NotificationReceipt> SendEmailAsync(string emailAddress, string templateId,
        IReadOnlyDictionary<string, string> personalisation, string? reference = null, CancellationToken cancellationToken = default)
    {
        if (!MailAddress.TryCreate(emailAddress, out var parsed) || parsed.Address != emailAddress.Trim() || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new NotificationException(400, "ValidationError", "email_address Not a valid email address");
        }

        return SendAsync(NotificationChannel.Email, emailAddress.Trim(), templateId, personalisation, reference, cancellationToken);
    }

    public Task<NotificationReceipt> SendSmsAsync(string phoneNumber, string templateId,
        IReadOnlyDictionary<string, string> personalisation, string? reference = null, CancellationToken cancellationToken = default)
    {
        var digits = NotDigitOrPlus().Replace(phoneNumber, "");
        if (!UkMobile().IsMatch(digits) && !International().IsMatch(digits))
        {
            throw new NotificationException(400, "ValidationError", "phone_number Not a UK mobile number");
        }

        return SendAsync(NotificationChannel.Sms, digits, templateId, personalisation, reference, cancellationToken);
    }

    private async Task<NotificationReceipt> SendAsync(NotificationChannel channel, string recipient, string templateId,
        IReadOnlyDictionary<string, string> personalisation, string? reference, CancellationToken cancellationToken)
    {
        ThrowSimulatedFailure();
        if (!_templates.TryGetValue(templateId, out var template) || template.Channel != channel)
        {
            throw new NotificationException(400, "BadRequestError", $"Template not found: {templateId} ({channel})");
        }

        var (subject, body) = template.Render(personalisation);
        var receipt = new NotificationReceipt(Guid.NewGuid(), reference, templateId, subject, body);
        var sent = new SentNotification(receipt.Id, channel, recipient, templateId, reference, subject, body, time.GetUtcNow());
        var path = Path.Combine(folder.Path, $"{sent.SentAt:yyyyMMddTHHmmssfff}-{sent.Id:N}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(sent, SentNotification.Json), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Notification {NotificationId} ({TemplateId}, {Channel}) written to {Path}", receipt.Id, templateId, channel, path);
        return receipt;
    }

    private void ThrowSimulatedFailure()
    {
        switch (options.Value.SimulateFailure)
        {
            case SimulatedNotifyFailure.RateLimited:
                throw new NotificationException(429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds");
            case SimulatedNotifyFailure.ServerError:
                throw new NotificationException(500, "Exception", "Internal server error");
            case SimulatedNotifyFailure.AuthError:
                throw new NotificationException(403, "AuthError", "Invalid token: API key not found");
        }
    }

    [GeneratedRegex(@"[^\d+]")]
    private static partial Regex NotDigitOrPlus();

    [GeneratedRegex(@"^(\+44|0044|0)7\d{9}$")]
    private static partial Regex UkMobile();

    [GeneratedRegex(@"^(\+|00)(?!44)[1-9]\d{6,14}$")]
    private static partial Regex International();
}

/// <summary>A message the file sender wrote: what the resident would have received.</summary>
public sealed record SentNotification(
    Guid Id, NotificationChannel Channel, string Recipient, string TemplateId, string? Reference,
    string? Subject, string Body, DateTimeOffset SentAt)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

/// <summary>The folder the file sender writes to, and a reader for it (for demos and tests).</summary>
public sealed class NotificationFolder(string path)
{
    public string Path { get; } = Directory.CreateDirectory(path).FullName;

    /// <summary>Every message written so far, oldest first.</summary>
    public IReadOnlyList<SentNotification> ReadAll() =>
        Directory.GetFiles(Path, "*.json").Order(StringComparer.Ordinal)
            .Select(file => JsonSerializer.Deserialize<SentNotification>(File.ReadAllText(file), SentNotification.Json)!)
            .ToList();
}
