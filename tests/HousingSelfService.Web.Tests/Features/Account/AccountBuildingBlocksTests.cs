using Bunit;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Account.Linking;
using HousingSelfService.Web.Features.Account.Passwords;
using HousingSelfService.Web.Features.Account.Shared;
using HousingSelfService.Web.Features.Account.TwoFactor;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Account;

/// <summary>The pieces the account pages are built from: password list, postcodes, authenticator set-up, form fields.</summary>
public sealed class AccountBuildingBlocksTests : MudComponentTest
{
    [Theory]
    [InlineData("qwertyuiopasdfgh", true)]
    [InlineData("QWERTYUIOPASDFGH", true)]
    [InlineData("1qaz2wsx3edc", true)]
    [InlineData("correct horse battery staple", false)]
    public async Task Common_passwords_from_the_shipped_list_are_refused_whatever_their_case(string password, bool refused)
    {
        CommonPasswordValidator.Count.ShouldBeGreaterThan(40_000);
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new HousingUser { Email = "someone@example.com" }, password);

        result.Succeeded.ShouldBe(!refused);
        if (refused)
        {
            result.Errors.Single().Code.ShouldBe(CommonPasswordValidator.ErrorCode);
        }
    }

    [Fact]
    public async Task The_users_own_email_address_is_refused_as_a_password()
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new HousingUser { Email = "someone@example.com" }, "Someone@Example.com");

        result.Succeeded.ShouldBeFalse();
    }

    [Theory]
    [InlineData("E8 1AB", true)]
    [InlineData("e81ab", true)]
    [InlineData("SW1A 1AA", true)]
    [InlineData("E8", false)]
    [InlineData("12345", false)]
    public void Postcodes_are_checked_and_compared_without_spaces_or_case(string postcode, bool valid)
    {
        Postcodes.LooksValid(postcode).ShouldBe(valid);
        Postcodes.Normalise(" e8 1ab ").ShouldBe("E81AB");
    }

    [Fact]
    public void The_authenticator_key_is_grouped_and_the_qr_code_is_hidden_svg_carrying_the_key_uri()
    {
        AuthenticatorSetup.FormatKey("ABCDEFGHIJKLMNOP").ShouldBe("abcd efgh ijkl mnop");
        var uri = AuthenticatorSetup.KeyUri("a.resident@example.com", "ABCDEFGHIJKLMNOP");
        uri.ShouldBe("otpauth://totp/Housing%20self-service:a.resident%40example.com?secret=ABCDEFGHIJKLMNOP&issuer=Housing%20self-service&digits=6");

        var svg = AuthenticatorSetup.QrCodeSvg(uri);

        svg.ShouldStartWith("<svg aria-hidden=\"true\" focusable=\"false\" class=\"qr-code\" ");
        svg.ShouldContain("viewBox");
        AuthenticatorSetup.CleanCode(" 123-456 ").ShouldBe("123456");
    }

    [Fact]
    public void A_text_field_links_its_hint_and_error_to_the_input()
    {
        var cut = Render<TextField>(p => p
            .Add(f => f.Id, "postcode").Add(f => f.Name, "Input.Postcode").Add(f => f.Label, "Postcode")
            .Add(f => f.Hint, "For example, E8 1AB").Add(f => f.Error, "Enter a real postcode").Add(f => f.Value, "E8"));

        var input = cut.Find("input#postcode");
        input.GetAttribute("aria-describedby").ShouldBe("postcode-hint postcode-error");
        input.GetAttribute("aria-invalid").ShouldBe("true");
        input.GetAttribute("value").ShouldBe("E8");
        cut.Find("label[for=postcode]").TextContent.ShouldBe("Postcode");
        cut.Find("#postcode-error").TextContent.ShouldContain("Enter a real postcode");
    }

    [Fact]
    public void A_text_field_without_hint_or_error_describes_nothing()
    {
        var cut = Render<TextField>(p => p.Add(f => f.Id, "email").Add(f => f.Name, "Input.Email").Add(f => f.Label, "Email address"));

        cut.Find("input#email").HasAttribute("aria-describedby").ShouldBeFalse();
        cut.Find("input#email").GetAttribute("aria-invalid").ShouldBe("false");
    }
}
