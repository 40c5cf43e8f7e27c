namespace HousingSelfService.CouncilApi.Client.Agreements;

/// <summary>Instalment arithmetic shared by the app (to show the time to clear) and the reference API (to track the state).</summary>
public static class AgreementSchedule
{
    public static int DaysBetween(AgreementFrequency frequency) => frequency switch
    {
        AgreementFrequency.Weekly => 7,
        AgreementFrequency.Fortnightly => 14,
        AgreementFrequency.FourWeekly => 28,
        _ => 0, // monthly: counted in months
    };

    /// <summary>The date of the <paramref name="index"/>th instalment (0 is the first).</summary>
    public static DateOnly InstalmentDate(DateOnly start, AgreementFrequency frequency, int index) =>
        frequency == AgreementFrequency.Monthly ? start.AddMonths(index) : start.AddDays(DaysBetween(frequency) * index);

    /// <summary>How many instalments clear <paramref name="balance"/>, and the date of the last one.</summary>
    public static (int Instalments, DateOnly LastDate) TimeToClear(decimal balance, decimal amount, AgreementFrequency frequency, DateOnly start)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var instalments = Math.Max(1, (int)Math.Ceiling(balance / amount));
        return (instalments, InstalmentDate(start, frequency, instalments - 1));
    }

    /// <summary>Instalments due on or before <paramref name="today"/>.</summary>
    public static int InstalmentsDue(DateOnly start, AgreementFrequency frequency, DateOnly today)
    {
        var count = 0;
        while (InstalmentDate(start, frequency, count) <= today)
        {
            count++;
        }

        return count;
    }
}
