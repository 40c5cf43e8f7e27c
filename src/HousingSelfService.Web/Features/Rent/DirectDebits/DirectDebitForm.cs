using System.Globalization;
using System.Text.RegularExpressions;
using HousingSelfService.CouncilApi.Client.DirectDebits;
using HousingSelfService.Web.Components.Common;
using HousingSelfService.Web.Features.Rent.Payments;

namespace HousingSelfService.Web.Features.Rent.DirectDebits;

/// <summary>What the resident typed into the Direct Debit form.</summary>
public sealed class DirectDebitInput
{
    public string? AccountHolder { get; set; }
    public string? SortCode { get; set; }
    public string? AccountNumber { get; set; }
    public string? CollectionDay { get; set; }
    public string? Amount { get; set; }
    public bool Authorised { get; set; }
}

/// <summary>Checks the Direct Debit form, including Vocalink's modulus check, before anything is sent.</summary>
public static partial class DirectDebitForm
{
    public const int MaxHolderLength = 60;

    public static (CreateDirectDebitRequest? Request, IReadOnlyList<FormError> Errors) Check(DirectDebitInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FormError>();
        var holder = input.AccountHolder?.Trim() ?? "";
        if (holder.Length == 0)
        {
            errors.Add(new FormError("account-holder", "Enter the name on the account"));
        }
        else if (holder.Length > MaxHolderLength)
        {
            errors.Add(new FormError("account-holder", $"Name on the account must be {MaxHolderLength} characters or fewer"));
        }
        else if (!HolderPattern().IsMatch(holder))
        {
            errors.Add(new FormError("account-holder", "The name can only have letters, spaces, full stops, dashes (-) and apostrophes (')"));
        }

        var sortCode = Digits(input.SortCode, allowHyphens: true);
        var account = Digits(input.AccountNumber, allowHyphens: false);
        if (string.IsNullOrWhiteSpace(input.SortCode))
        {
            errors.Add(new FormError("sort-code", "Enter a sort code"));
        }
        else if (sortCode is not { Length: 6 })
        {
            errors.Add(new FormError("sort-code", "Enter a sort code with 6 digits, like 309430"));
        }

        if (string.IsNullOrWhiteSpace(input.AccountNumber))
        {
            errors.Add(new FormError("account-number", "Enter an account number"));
        }
        else if (account is not { Length: >= 6 and <= 8 })
        {
            errors.Add(new FormError("account-number", "Enter an account number with 6 to 8 digits, like 00733445"));
        }
        else if (sortCode is { Length: 6 } && !ModulusCheck.IsValid(sortCode, account))
        {
            errors.Add(new FormError("account-number", "Check the sort code and account number: they do not match a real bank account"));
        }

        var day = int.TryParse(input.CollectionDay, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 28 ? d : 0;
        if (day == 0)
        {
            errors.Add(new FormError("collection-day", "Choose the day of the month for your payment"));
        }

        var (amount, amountError) = PaymentAmount.Parse(input.Amount);
        if (amountError is not null)
        {
            errors.Add(new FormError("dd-amount", amountError));
        }

        if (!input.Authorised)
        {
            errors.Add(new FormError("authorised", "Tick to say the account is yours and you can set up a Direct Debit on it on your own"));
        }

        return errors.Count > 0 ? (null, errors) : (new CreateDirectDebitRequest(holder, sortCode!, account!, day, amount!.Value), []);
    }

    /// <summary>Digits only, once spaces (and for sort codes, hyphens) are taken out; null if anything else is there.</summary>
    private static string? Digits(string? text, bool allowHyphens)
    {
        var value = new string((text ?? "").Where(c => !(c == ' ' || (allowHyphens && c == '-'))).ToArray());
        return value.All(char.IsAsciiDigit) ? value : null;
    }

    /// <summary>"30-94-30" from "309430".</summary>
    public static string FormatSortCode(string sortCode) =>
        sortCode.Length == 6 ? $"{sortCode[..2]}-{sortCode[2..4]}-{sortCode[4..]}" : sortCode;

    [GeneratedRegex(@"^[\p{L}][\p{L} '\-.]*$")]
    private static partial Regex HolderPattern();
}
