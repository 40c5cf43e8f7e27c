using Bunit;
using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.ContactDetails;
using HousingSelfService.Web.Features.Tenancy.Pages;
using HousingSelfService.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Tenancy;

/// <summary>Contact detail forms against the real reference API. Each test uses its own demo household, so they can run in any order.</summary>
public sealed class ContactDetailsTests(ReferenceApiFixture api) : MudComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IContactDetailsApi Contacts => Services.GetRequiredService<IContactDetailsApi>();

    private async Task<IReadOnlyList<ContactDetail>> StoredAsync(DemoHousehold household)
    {
        using var response = await Contacts.GetContactDetailsAsync(household.PersonId, Xunit.TestContext.Current.CancellationToken);
        return response.Content!.Results;
    }

    private async Task<ContactDetail> CreateAsync(DemoHousehold household, ContactType type, string value)
    {
        using var response = await Contacts.CreateContactDetailAsync(new CreateContactDetailRequest
        {
            TargetId = household.PersonId,
            ContactInformation = new ContactInformation { ContactType = type, SubType = ContactSubType.Mobile, Value = value },
        }, Guid.NewGuid().ToString(), Xunit.TestContext.Current.CancellationToken);
        return response.Content!;
    }

    private IRenderedComponent<T> RenderForm<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : IComponent
    {
        var cut = Render(parameters);
        cut.WaitForAssertion(() => cut.Markup.ShouldNotContain("Loading…"), Wait);
        return cut;
    }

    [Fact]
    public async Task A_resident_adds_a_phone_number_and_it_is_stored_for_them()
    {
        using var app = new AppTestServices(this, api);
        var household = DemoData.Households[12];
        app.SignInResident(household);
        var cut = RenderForm<ContactDetailFormPage>(p => p.Add(x => x.TypeSlug, "phone"));
        cut.Find("h1").TextContent.ShouldBe("Add a phone number");

        cut.Find("#contact-value").Change("07700 900 123");
        cut.Find("#contact-kind").Change("mobile");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("tenancy/contact-details?done=added"), Wait);
        (await StoredAsync(household)).ShouldContain(c => c.ContactInformation.Value == "07700 900 123" && c.ContactInformation.SubType == ContactSubType.Mobile);
    }

    [Theory]
    [InlineData("phone", "12345", "Enter a UK phone number")]
    [InlineData("phone", "", "Enter a phone number")]
    [InlineData("email", "not-an-email", "Enter an email address in the correct format")]
    [InlineData("email", "<script>alert(1)</script>@x.com", "Do not use the characters < or >")]
    public async Task Bad_input_is_explained_at_the_top_and_by_the_field_and_nothing_is_stored(string type, string value, string message)
    {
        using var app = new AppTestServices(this, api);
        var household = DemoData.Households[13];
        app.SignInResident(household);
        var before = await StoredAsync(household);
        var cut = RenderForm<ContactDetailFormPage>(p => p.Add(x => x.TypeSlug, type));

        cut.Find("#contact-value").Change(value);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]").TextContent.ShouldContain(message), Wait);
        cut.Find("[data-testid=error-summary] a").GetAttribute("href").ShouldBe("#contact-value");
        cut.Find("#contact-value-error").TextContent.ShouldContain(message);
        cut.Find("#contact-value").GetAttribute("aria-invalid").ShouldBe("true");
        (await StoredAsync(household)).Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task An_officers_change_while_the_resident_edits_is_explained_and_never_overwritten()
    {
        using var app = new AppTestServices(this, api);
        var household = DemoData.Households[14];
        app.SignInResident(household);
        var record = await CreateAsync(household, ContactType.Phone, "020 7946 0101");
        var cut = RenderForm<ContactDetailFormPage>(p => p.Add(x => x.Id, record.Id));
        cut.Find("#contact-value").GetAttribute("value").ShouldBe("020 7946 0101");

        // Meanwhile an officer changes the same number.
        using (var officer = await Contacts.UpdateContactDetailAsync(record.Id, household.PersonId, new UpdateContactDetailRequest(
            new ContactInformation { ContactType = ContactType.Phone, Value = "020 7946 0202" }), $"\"{record.VersionNumber}\"", Xunit.TestContext.Current.CancellationToken))
        {
            officer.IsSuccessStatusCode.ShouldBeTrue();
        }

        cut.Find("#contact-value").Change("020 7946 0303");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]").TextContent.ShouldContain("Someone at the council changed this phone number"), Wait);
        cut.Find("[data-testid=conflict-current]").TextContent.ShouldBe("020 7946 0202");
        (await StoredAsync(household)).Single(c => c.Id == record.Id).ContactInformation.Value.ShouldBe("020 7946 0202");

        // Having seen the officer's number, the resident may still choose to save theirs.
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("done=changed"), Wait);
        (await StoredAsync(household)).Single(c => c.Id == record.Id).ContactInformation.Value.ShouldBe("020 7946 0303");
    }

    [Fact]
    public async Task Choosing_a_preferred_email_takes_the_mark_from_the_old_one()
    {
        using var app = new AppTestServices(this, api);
        var household = DemoData.Households[15];
        app.SignInResident(household);
        var first = await CreateAsync(household, ContactType.Email, "first.choice@example.com");
        var second = await CreateAsync(household, ContactType.Email, "second.choice@example.com");
        var cut = RenderForm<ContactDetailFormPage>(p => p.Add(x => x.Id, first.Id));
        cut.Find("#contact-preferred").Change(true);
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("done=changed"), Wait);

        var again = RenderForm<ContactDetailFormPage>(p => p.Add(x => x.Id, second.Id));
        again.Find("#contact-preferred").Change(true);
        again.Find("form").Submit();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/");
        again.WaitForAssertion(() => navigation.Uri.ShouldEndWith("done=changed"), Wait);

        var stored = await StoredAsync(household);
        (stored.Single(c => c.Id == first.Id).ContactInformation.Description ?? "").ShouldBeEmpty();
        stored.Single(c => c.Id == second.Id).ContactInformation.Description.ShouldBe("Preferred");
        var list = RenderForm<ContactDetailsPage>(_ => { });
        list.Find("[data-testid=email-list]").QuerySelectorAll(".tag").Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_resident_removes_a_contact_detail_after_confirming()
    {
        using var app = new AppTestServices(this, api);
        var household = DemoData.Households[16];
        app.SignInResident(household);
        var record = await CreateAsync(household, ContactType.Email, "remove.me@example.com");
        var cut = RenderForm<RemoveContactPage>(p => p.Add(x => x.Id, record.Id));
        cut.Find("[data-testid=contact-value]").TextContent.ShouldBe("remove.me@example.com");

        cut.Find("[data-testid=remove]").Click();

        cut.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("done=removed"), Wait);
        (await StoredAsync(household)).ShouldNotContain(c => c.Id == record.Id);
    }

    [Fact]
    public async Task Another_households_contact_detail_id_is_not_found_and_shows_nothing_of_it()
    {
        using var app = new AppTestServices(this, api);
        var owner = DemoData.Households[17];
        var record = await CreateAsync(owner, ContactType.Email, "private.person@example.com");
        app.SignInResident(DemoData.Households[18]);

        var change = RenderForm<ContactDetailFormPage>(p => p.Add(x => x.Id, record.Id));
        var remove = RenderForm<RemoveContactPage>(p => p.Add(x => x.Id, record.Id));

        change.Find("h1").TextContent.ShouldBe("Page not found");
        change.Markup.ShouldNotContain("private.person@example.com");
        remove.Find("h1").TextContent.ShouldBe("Page not found");
        remove.Markup.ShouldNotContain("private.person@example.com");
        change.FindAll("form").ShouldBeEmpty();
    }

    [Fact]
    public async Task With_five_phone_numbers_the_list_offers_no_add_and_the_form_refuses_a_sixth()
    {
        using var app = new AppTestServices(this, api);
        var household = DemoData.Households[19];
        app.SignInResident(household);
        var existing = (await StoredAsync(household)).Count(c => c.ContactInformation.ContactType == ContactType.Phone);
        for (var i = existing; i < 5; i++)
        {
            await CreateAsync(household, ContactType.Phone, $"020 7946 05{i:00}");
        }

        var list = RenderForm<ContactDetailsPage>(_ => { });
        list.FindAll("[data-testid=add-phone]").ShouldBeEmpty();
        list.FindAll("[data-testid=phone-list] [data-testid=contact]").Count.ShouldBe(5);

        var form = RenderForm<ContactDetailFormPage>(p => p.Add(x => x.TypeSlug, "phone"));
        form.Find("#contact-value").Change("020 7946 0599");
        form.Find("form").Submit();
        form.WaitForAssertion(() => form.Find("[data-testid=error-summary]").TextContent.ShouldContain("You already have 5 phone numbers"), Wait);
    }
}
