using HousingSelfService.CouncilApi;
using HousingSelfService.Web.Infrastructure;
using Shouldly;

namespace HousingSelfService.Web.Tests.Infrastructure;

public sealed class DemoSignInsTests
{
    [Fact]
    public void There_are_five_residents_from_the_featured_households_and_one_officer()
    {
        DemoSignIns.All.Count(s => s.Role == AppRoles.Resident).ShouldBe(5);
        DemoSignIns.All.Where(s => s.Role == AppRoles.Resident).Select(s => s.Household).ShouldBe(DemoData.Featured);
        DemoSignIns.All.Single(s => s.Role == AppRoles.Officer).Email.ShouldBe("officer@demo.housing.test");
        DemoSignIns.All[0].Email.ShouldBe("arrears@demo.housing.test");
        DemoSignIns.Password.Length.ShouldBeGreaterThanOrEqualTo(12);
    }

    [Fact]
    public void The_documented_table_matches_the_seeded_sign_ins()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HousingSelfService.sln")))
        {
            directory = directory.Parent;
        }

        directory.ShouldNotBeNull("the repository root (with HousingSelfService.sln) was not found");
        var document = File.ReadAllText(Path.Combine(directory.FullName, "src", "HousingSelfService.Web", "DEMO-SIGN-INS.md"));

        document.ReplaceLineEndings("\n").ShouldContain(DemoSignIns.MarkdownTable().ReplaceLineEndings("\n"));
        document.ShouldContain($"`{DemoSignIns.OfficerAuthenticatorKey}`");
        File.ReadAllText(Path.Combine(directory.FullName, "README.md")).ShouldContain($"`{DemoSignIns.OfficerAuthenticatorKey}`");
    }
}
