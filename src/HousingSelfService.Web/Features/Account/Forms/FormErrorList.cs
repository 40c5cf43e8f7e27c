using HousingSelfService.Web.Components.Common;
using Microsoft.AspNetCore.Identity;

namespace HousingSelfService.Web.Features.Account.Forms;

/// <summary>A form's errors in page order, with the message for one field.</summary>
public sealed class FormErrorList : List<FormError>
{
    public string? For(string fieldId) => this.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    public void Add(string fieldId, string message) => Add(new FormError(fieldId, message));

    /// <summary>Adds the usual email address checks; returns the trimmed address.</summary>
    public string CheckEmail(string fieldId, string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            Add(fieldId, "Enter your email address");
        }
        else if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(trimmed) || trimmed.Length > 256)
        {
            Add(fieldId, "Enter an email address in the correct format, like name@example.com");
        }

        return trimmed;
    }

    /// <summary>Identity's password errors in plain words, against the password field.</summary>
    public void AddPasswordErrors(string fieldId, IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            Add(fieldId, error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordTooShort) => "Your password must be 12 characters or more",
                nameof(IdentityErrorDescriber.PasswordMismatch) => "Your current password is not right",
                nameof(IdentityErrorDescriber.InvalidToken) => "The link has expired or was already used. Ask for a new one",
                _ => error.Description,
            });
        }
    }
}
