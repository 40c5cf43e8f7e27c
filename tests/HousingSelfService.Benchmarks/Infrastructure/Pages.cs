using System.Net;
using System.Text.RegularExpressions;

namespace HousingSelfService.Benchmarks.Infrastructure;

/// <summary>A page the benchmarks visit. <see cref="Path"/> may hold <see cref="Pages.FirstOpenRepair"/>.</summary>
internal sealed record PageSpec(string Name, string Path, bool SignedIn);

/// <summary>A page as found on the running app: its real path, or why it cannot be measured.</summary>
internal sealed record ResolvedPage(PageSpec Spec, string Path, string? Missing)
{
    public bool Available => Missing is null;
}

/// <summary>
/// THE list of pages every benchmark measures (one place). Pages other engineers are still building are listed by
/// their expected URL; a page the app does not serve yet is reported as "not found" rather than failing the run, so
/// the same command can be re-run after their branches merge.
/// </summary>
internal static partial class Pages
{
    /// <summary>Replaced by the first open repair linked from the signed-in resident's dashboard.</summary>
    public const string FirstOpenRepair = "{first-open-repair}";

    public static IReadOnlyList<PageSpec> All { get; } =
    [
        new("Sign in", "/Account/Login", SignedIn: false),
        new("Dashboard", "/", SignedIn: true),
        new("Repair detail", "/repairs/" + FirstOpenRepair, SignedIn: true),
        new("Report a repair, step 1", "/repairs/report", SignedIn: true),
        new("Rent statement", "/rent/statement", SignedIn: true),
        new("Tenancy", "/tenancy", SignedIn: true),
        new("Account", "/account", SignedIn: true),
    ];

    /// <summary>The anonymous prerendered page for the throughput test: the home page a visitor lands on.</summary>
    public static PageSpec AnonymousHome { get; } = new("Home (signed out)", "/", SignedIn: false);

    /// <summary>Checks each page against the running app with the resident's cookie.</summary>
    public static async Task<IReadOnlyList<ResolvedPage>> ResolveAsync(Uri app, SignedInResident resident)
    {
        using var http = resident.NewHttpClient(app);
        var dashboard = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var repair = RepairLink().Match(dashboard);
        var resolved = new List<ResolvedPage>();
        foreach (var spec in All)
        {
            if (spec.Path.Contains(FirstOpenRepair, StringComparison.Ordinal) && !repair.Success)
            {
                resolved.Add(new ResolvedPage(spec, spec.Path, "no open repair on the dashboard"));
                continue;
            }

            var path = spec.Path.Replace(FirstOpenRepair, repair.Groups[1].Value, StringComparison.Ordinal);
            using var client = spec.SignedIn ? resident.NewHttpClient(app) : new HttpClient { BaseAddress = app };
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            resolved.Add(new ResolvedPage(spec, path, response.StatusCode switch
            {
                HttpStatusCode.OK => null,
                HttpStatusCode.NotFound => "not found",
                var status => $"HTTP {(int)status}",
            }));
        }

        Table.Print("Pages", ["Page", "URL", "Status"],
            resolved.Select(p => new[] { p.Spec.Name, p.Path, p.Missing ?? "ok" }));
        return resolved;
    }

    [GeneratedRegex("""href="/?repairs/(\d+)""")]
    private static partial Regex RepairLink();
}
