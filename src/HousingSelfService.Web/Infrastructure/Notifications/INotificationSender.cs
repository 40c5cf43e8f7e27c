namespace HousingSelfService.Web.Infrastructure.Notifications;

/// <summary>
/// Sends emails and text messages from templates, shaped like GOV.UK Notify's API so a council can swap in its
/// Notify client: a template id, personalisation values for its <c>((placeholders))</c>, and an optional
/// reference of our own. Failures throw <see cref="NotificationException"/> with Notify's status codes.
/// </summary>
public interface INotificationSender
{
    Task<NotificationReceipt> SendEmailAsync(
        string emailAddress,
        string templateId,
        IReadOnlyDictionary<string, string> personalisation,
        string? reference = null,
        CancellationToken cancellationToken = default);

    Task<NotificationReceipt> SendSmsAsync(
        string phoneNumber,
        string templateId,
        IReadOnlyDictionary<string, string> personalisation,
        string? reference = null,
        CancellationToken cancellationToken = default);
}

public enum NotificationChannel { Email, Sms }

/// <summary>What Notify returns for an accepted message: its id and the rendered content.</summary>
public sealed record NotificationReceipt(Guid Id, string? Reference, string TemplateId, string? Subject, string Body);

/// <summary>
/// A message Notify refused or could not take. <see cref="StatusCode"/> and <see cref="Error"/> follow Notify:
/// 400 BadRequestError / ValidationError (bad recipient, missing personalisation, unknown template),
/// 403 AuthError, 429 RateLimitError / TooManyRequestsError, 500 Exception. 429 and 500 are worth retrying later.
/// </summary>
public sealed class NotificationException : Exception
{
    public NotificationException() { }

    public NotificationException(string message) : base(message) { }

    public NotificationException(string message, Exception innerException) : base(message, innerException) { }

    public NotificationException(int statusCode, string error, string message) : base(message)
    {
        StatusCode = statusCode;
        Error = error;
    }

    public int StatusCode { get; } = 500;

    public string Error { get; } = "Exception";

    /// <summary>True when sending the same message later may work (rate limits and server errors).</summary>
    public bool IsTransient => StatusCode is 429 or >= 500;
}
