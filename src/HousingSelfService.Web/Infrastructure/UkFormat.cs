using System.Globalization;

namespace HousingSelfService.Web.Infrastructure;

/// <summary>Money and dates the way UK residents read them: £1,234.50; 3 March 2026; Tuesday 3 March 2026; 8am.</summary>
public static class UkFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-GB");

    private static readonly TimeZoneInfo UkTime = FindUkTime();

    /// <summary>Today's date in the UK, from the injected clock.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time));

    /// <summary>The time now on a UK clock, from the injected clock.</summary>
    public static DateTime Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return TimeZoneInfo.ConvertTime(time.GetUtcNow(), UkTime).DateTime;
    }

    private static TimeZoneInfo FindUkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    /// <summary>A UTC moment as UK clock time.</summary>
    public static DateTime UkTimeOf(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);

    public static string Money(decimal amount) => amount.ToString("C2", Culture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string DayAndDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", Culture);

    /// <summary><c>08:00</c> → <c>8am</c>; <c>12:00</c> → <c>midday</c>; <c>13:30</c> → <c>1:30pm</c>. Unreadable input is returned as is.</summary>
    public static string Time(string hhmm)
    {
        if (!TimeOnly.TryParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return hhmm;
        }

        if (time == new TimeOnly(12, 0))
        {
            return "midday";
        }

        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var minutes = time.Minute == 0 ? "" : $":{time.Minute:00}";
        return $"{hour}{minutes}{(time.Hour < 12 ? "am" : "pm")}";
    }
}
