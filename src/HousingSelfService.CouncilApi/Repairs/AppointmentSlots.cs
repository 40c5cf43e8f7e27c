using System.Globalization;
using HousingSelfService.CouncilApi.Client.Repairs;

namespace HousingSelfService.CouncilApi.Repairs;

/// <summary>A bookable half-day: <c>dayId</c> 1 is the morning, 2 the afternoon.</summary>
public sealed record SlotTime(int DayId, string Description, string Start, string End);

/// <summary>
/// The operatives' diary: a morning and an afternoon slot on every weekday from tomorrow for <see cref="WindowDays"/>
/// days, each taking <see cref="Capacity"/> jobs. Only bookings are stored; the diary itself is computed from today.
/// </summary>
public sealed class AppointmentSlots(TimeProvider timeProvider)
{
    public const int Capacity = 3;
    public const int WindowDays = 60;

    public static readonly SlotTime Morning = new(1, "AM", "08:00", "12:00");
    public static readonly SlotTime Afternoon = new(2, "PM", "12:00", "16:00");
    public static IReadOnlyList<SlotTime> Times { get; } = [Morning, Afternoon];

    public DateOnly Today => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
    public DateOnly FirstDay => Today.AddDays(1);
    public DateOnly LastDay => Today.AddDays(WindowDays);

    public static string Reference(SlotTime time, DateOnly date) =>
        $"{time.DayId.ToString(CultureInfo.InvariantCulture)}/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static SlotTime? TimeOf(int dayId) => Times.FirstOrDefault(time => time.DayId == dayId);

    public static WorkOrderAppointment Appointment(SlotTime time, DateOnly date) => new(date, time.Description, time.Start, time.End);

    public static bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The slot a reference names, when it is a real slot in the diary window.</summary>
    public (SlotTime Time, DateOnly Date)? Parse(string? reference)
    {
        var parts = reference?.Split('/') ?? [];
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var dayId)
            && TimeOf(dayId) is { } time
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && IsWorkingDay(date) && date >= FirstDay && date <= LastDay)
        {
            return (time, date);
        }

        return null;
    }
}
