using System.Globalization;
using System.Text.RegularExpressions;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Rent.Payments;

/// <summary>The amount a resident types: pounds and pence, £1 to £10,000, exact to the penny.</summary>
public static partial class PaymentAmount
{
    public const decimal Minimum = 1m;
    public const decimal Maximum = 10_000m;

    /// <summary>The amount, or the message that says what to change. Accepts "25", "25.50", "£1,250.00".</summary>
    public static (decimal? Amount, string? Error) Parse(string? text)
    {
        var value = text?.Trim().Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (value.Length == 0)
        {
            return (null, "Enter how much you want to pay");
        }

        if (value.StartsWith('-'))
        {
            return (null, $"The amount must be {UkFormat.Money(Minimum)} or more");
        }

        if (!AmountPattern().IsMatch(value))
        {
            return (null, "Enter an amount in pounds and pence, like 25.50");
        }

        var number = decimal.Parse(value.TrimStart('£').Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (decimal.Round(number, 2) != number)
        {
            return (null, "The amount must be in pounds and pence, with no more than 2 numbers after the point");
        }

        return number switch
        {
            < Minimum => (null, $"The amount must be {UkFormat.Money(Minimum)} or more"),
            > Maximum => (null, $"The amount must be {UkFormat.Money(Maximum)} or less. To pay more, call us on {CouncilContact.Phone}"),
            _ => (number, null),
        };
    }

    public static int ToPence(decimal amount) => (int)(amount * 100m);

    // Bounded lengths, so an absurdly long number is refused here rather than overflowing a decimal.
    [GeneratedRegex(@"^£?(\d{1,3}(,\d{3}){1,3}|\d{1,12})(\.\d{1,10})?$")]
    private static partial Regex AmountPattern();
}
