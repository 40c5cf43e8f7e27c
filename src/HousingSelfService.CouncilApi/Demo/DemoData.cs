namespace HousingSelfService.CouncilApi;

/// <summary>A seeded household, with what a resident would use to prove who they are.</summary>
public sealed record DemoHousehold(Guid PersonId, Guid TenureId, string PaymentReference, string PropertyReference,
    string FirstName, string Surname, DateOnly DateOfBirth, string Postcode, string Situation);

/// <summary>
/// The demo households. Everything here comes from a fixed-seed random generator, so ids, names and references are
/// the same on every run and the web app can link demo sign-ins to them without calling the API. Dates that must stay
/// current (tenure starts, rent, repairs) are laid out by the seeder relative to today.
/// </summary>
public static class DemoData
{
    private static readonly Lazy<Demo.DemoPlan> LazyPlan = new(Demo.DemoPlan.Create);
    private static readonly Lazy<IReadOnlyList<DemoHousehold>> LazyHouseholds = new(() => [.. LazyPlan.Value.Households.Select(h => h.Household)]);

    /// <summary>Every seeded household.</summary>
    public static IReadOnlyList<DemoHousehold> Households => LazyHouseholds.Value;

    /// <summary>Five households with distinct, designed situations, for demo sign-ins.</summary>
    public static IReadOnlyList<DemoHousehold> Featured => [.. Households.Take(Demo.DemoPlan.FeaturedCount)];

    internal static Demo.DemoPlan Plan => LazyPlan.Value;
}
