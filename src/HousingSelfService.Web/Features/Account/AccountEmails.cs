using HousingSelfService.Web.Data;
using HousingSelfService.Web.Infrastructure;
using HousingSelfService.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace HousingSelfService.Web.Features.Account;

/// <summary>The account emails (Notify-shaped templates) and sending them, with links back to the page they came from.</summary>
public sealed class AccountEmails(INotificationSender sender, UserManager<HousingUser> users, NavigationManager navigation)
{
    public const string ConfirmEmailTemplateId = "account-confirm-email";
    public const string ResetPasswordTemplateId = "account-reset-password";
    public const string ConfirmEmailChangeTemplateId = "account-confirm-email-change";

    public static IEnumerable<NotificationTemplate> Templates { get; } =
    [
        new(ConfirmEmailTemplateId, NotificationChannel.Email, $"Confirm your email address for {CouncilContact.ProductName}",
            """
            You asked to create an account for ((product)).

            To confirm your email address, open this link:
            ((link))

            The link works for 24 hours. If you did not ask for an account, you can ignore this email.
            """),
        new(ResetPasswordTemplateId, NotificationChannel.Email, $"Reset your password for {CouncilContact.ProductName}",
            """
            You asked to reset your password for ((product)).

            To choose a new password, open this link:
            ((link))

            The link works for 24 hours. If you did not ask to reset your password, you can ignore this email. Your password has not changed.
            """),
        new(ConfirmEmailChangeTemplateId, NotificationChannel.Email, $"Confirm your new email address for {CouncilContact.ProductName}",
            """
            You asked to change the email address you sign in with to ((product)).

            To confirm your new email address, open this link:
            ((link))

            Until you do, keep signing in with your old email address.
            """),
    ];

    /// <summary>Sends a link that confirms the account's email address.</summary>
    public async Task SendEmailConfirmationAsync(HousingUser user)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user).ConfigureAwait(false);
        await SendAsync(user.Email!, ConfirmEmailTemplateId, Link("Account/ConfirmEmail", ("userId", user.Id), ("code", code))).ConfigureAwait(false);
    }

    /// <summary>Sends a link to choose a new password.</summary>
    public async Task SendPasswordResetAsync(HousingUser user)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false);
        await SendAsync(user.Email!, ResetPasswordTemplateId, Link("Account/ResetPassword", ("code", code))).ConfigureAwait(false);
    }

    /// <summary>Sends a link to the new address that makes it the sign-in email.</summary>
    public async Task SendEmailChangeAsync(HousingUser user, string newEmail)
    {
        var code = await users.GenerateChangeEmailTokenAsync(user, newEmail).ConfigureAwait(false);
        await SendAsync(newEmail, ConfirmEmailChangeTemplateId,
            Link("Account/ConfirmEmailChange", ("userId", user.Id), ("email", newEmail), ("code", code))).ConfigureAwait(false);
    }

    private string Link(string page, params (string Name, string Value)[] query) =>
        navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(page).AbsoluteUri,
            query.ToDictionary(q => q.Name, q => (object?)q.Value));

    private Task<NotificationReceipt> SendAsync(string email, string templateId, string link) =>
        sender.SendEmailAsync(email, templateId,
            new Dictionary<string, string> { ["product"] = CouncilContact.ProductName, ["link"] = link });
}
