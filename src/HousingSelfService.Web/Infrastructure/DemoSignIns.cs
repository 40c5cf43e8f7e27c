using System.Globalization;
using System.Text;
using HousingSelfService.CouncilApi;

namespace HousingSelfService.Web.Infrastructure;

/// <summary>One demo sign-in: who it is and what situation it shows.</summary>
public sealed record DemoSignIn(string Email, string Role, string Situation, DemoHousehold? Household);

/// <summary>
/// The demo sign-ins seeded with the embedded reference API (or <c>Demo:SeedAccounts=true</c>): five residents
/// from <see cref="DemoData.Featured"/> and one officer, all with the same documented password.
/// </summary>
public static class DemoSignIns
{
    /// <summary>The shared demo password. Public by design: demo accounts only ever exist against demo data.</summary>
    public const string Password = "Demo-Housing-2026";

    public const string EmailDomain = "demo.housing.test";

    /// <summary>
    /// The demo officer's authenticator key (Base32). Fixed and public on purpose, like the password, so a demo user
    /// can add it to an authenticator app and tests can compute codes: officers must use two-step verification.
    /// </summary>
    public const string OfficerAuthenticatorKey = "HSSDEMOOFFICER2FAKEY4TESTSONLY23";

    // Matches the order of DemoData.Featured: arrears; credit + Direct Debit; introductory on UC; leaseholder; damp and mould repair.
    private static readonly string[] ResidentMailboxes = ["arrears", "credit", "introductory", "leaseholder", "repairs"];

    public static IReadOnlyList<DemoSignIn> All { get; } = Create();

    private static List<DemoSignIn> Create()
    {
        var featured = DemoData.Featured;
        var signIns = featured
            .Select((household, index) => new DemoSignIn(
                $"{(index < ResidentMailboxes.Length ? ResidentMailboxes[index] : $"resident{index + 1}")}@{EmailDomain}",
                AppRoles.Resident,
                $"{household.FirstName} {household.Surname}: {household.Situation}",
                household))
            .ToList();
        signIns.Add(new DemoSignIn($"officer@{EmailDomain}", AppRoles.Officer, "Housing officer: finds residents and helps them in assist mode.", null));
        return signIns;
    }

    /// <summary>The sign-ins as a Markdown table, printed at start-up and kept in <c>DEMO-SIGN-INS.md</c>.</summary>
    public static string MarkdownTable()
    {
        var table = new StringBuilder();
        table.AppendLine("| Email | Password | Role | Situation |");
        table.AppendLine("|---|---|---|---|");
        foreach (var signIn in All)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {signIn.Email} | {Password} | {signIn.Role} | {signIn.Situation} |");
        }

        return table.ToString();
    }
}
