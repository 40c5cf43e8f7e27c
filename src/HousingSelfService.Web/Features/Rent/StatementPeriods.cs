using System.Globalization;
using HousingSelfService.Web.Components.Common;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Rent;

/// <summary>The periods a statement can cover, and the checks on custom dates. Nothing is asked of the council until the dates are sound.</summary>
public static class StatementPeriods
{
    public const string ThisMonth = "this-month";
    public const string Last3Months = "3-months";
    public const string Last6Months = "6-months";
    public const string Last12Months = "12-months";
    public const string Custom = "custom";

    /// <summary>How far back statements go: the council keeps rent records for 6 years.</summary>
    public const int YearsKept = 6;

    public static IReadOnlyList<(string Value, string Label)> Options { get; } =
    [
        (ThisMonth, "This month"),
        (Last3Months, "The last 3 months"),
        (Last6Months, "The last 6 months"),
        (Last12Months, "The last 12 months"),
        (Custom, "Choose dates"),
    ];

    /// <summary>The dates a period covers, or the problems with the custom dates given.</summary>
    public static (DateOnly From, DateOnly To, IReadOnlyList<FormError> Errors) Resolve(string? period, string? from, string? to, DateOnly today)
    {
        switch (period)
        {
            case ThisMonth:
                return (new DateOnly(today.Year, today.Month, 1), today, []);
            case Last6Months:
                return (today.AddMonths(-6), today, []);
            case Last12Months:
                return (today.AddMonths(-12), today, []);
            case Custom:
                break;
            default:
                return (today.AddMonths(-3), today, []);
        }

        var errors = new List<FormError>();
        var start = ParseDate("from", "start", from, today, errors);
        var end = ParseDate("to", "end", to, today, errors);
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add(new FormError("to", "The end date must be the same as or after the start date"));
        }

        return errors.Count > 0 ? (today, today, errors) : (start!.Value, end!.Value, []);
    }

    private static DateOnly? ParseDate(string field, string name, string? value, DateOnly today, List<FormError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FormError(field, $"Enter the {name} date"));
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new FormError(field, $"The {name} date must be a real date, like {UkFormat.Date(today)}"));
            return null;
        }

        if (date > today)
        {
            errors.Add(new FormError(field, $"The {name} date must be today or in the past"));
            return null;
        }

        if (date < today.AddYears(-YearsKept))
        {
            errors.Add(new FormError(field, $"The {name} date must be within the last {YearsKept} years"));
            return null;
        }

        return date;
    }
}
