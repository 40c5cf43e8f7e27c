namespace HousingSelfService.Web.Infrastructure;

/// <summary>Demo sign-ins (section <c>Demo</c>); on by default only with the embedded reference API.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool SeedAccounts { get; set; }
}
