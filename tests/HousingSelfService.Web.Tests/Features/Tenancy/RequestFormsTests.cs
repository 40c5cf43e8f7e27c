using HousingSelfService.Web.Features.Tenancy;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Tenancy;

public sealed class RequestFormsTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static Dictionary<string, string?> EndTenancy(string endDate) => new()
    {
        ["endDate"] = endDate, ["reason"] = "away", ["forwardingAddress"] = "1 Road, Town", ["declaration"] = "yes",
    };

    [Theory]
    [InlineData("2026-12-21", false)] // 27 days: too soon
    [InlineData("2026-12-22", true)]  // 28 days: 4 weeks
    [InlineData("2027-05-26", true)]  // 183 days
    [InlineData("2027-05-27", false)] // beyond 6 months
    public void End_tenancy_dates_must_give_four_weeks_notice_within_six_months(string endDate, bool valid)
    {
        var errors = RequestForms.Validate(RequestForms.BySlug("end-tenancy")!, EndTenancy(endDate), [], Today);

        errors.Any(e => e.FieldId == "endDate").ShouldBe(!valid);
    }

    [Fact]
    public void A_date_of_birth_in_the_future_is_refused()
    {
        var answers = new Dictionary<string, string?> { ["dateOfBirth"] = "2026-11-25" };

        var errors = RequestForms.Validate(RequestForms.BySlug("add-household-member")!, answers, [], Today);

        errors.Single(e => e.FieldId == "dateOfBirth").Message.ShouldBe("Date of birth must be today or in the past");
    }

    [Theory]
    [InlineData("<b>hi</b>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("x onload=alert(1)")]
    public void Script_in_any_text_answer_is_refused(string text)
    {
        var answers = new Dictionary<string, string?> { ["permissionType"] = "pets", ["details"] = text };

        RequestForms.Validate(RequestForms.BySlug("permission")!, answers, [], Today).Single().FieldId.ShouldBe("details");
    }

    [Fact]
    public void An_answer_that_is_not_one_of_the_options_is_refused()
    {
        var answers = new Dictionary<string, string?> { ["permissionType"] = "a-castle", ["details"] = "Moat" };

        RequestForms.Validate(RequestForms.BySlug("permission")!, answers, [], Today).Single().Message.ShouldBe("Select one of the answers shown");
    }

    [Fact]
    public void Household_member_answers_must_be_one_of_the_residents_household()
    {
        var definition = RequestForms.BySlug("remove-household-member")!;
        var members = new[] { new FieldOption(Guid.NewGuid().ToString(), "Sam Example") };
        var answers = new Dictionary<string, string?> { ["member"] = Guid.NewGuid().ToString(), ["reason"] = "moved-out", ["leftDate"] = "2026-11-01" };

        RequestForms.Validate(definition, answers, members, Today).Single().FieldId.ShouldBe("member");
        answers["member"] = members[0].Value;
        RequestForms.Validate(definition, answers, members, Today).ShouldBeEmpty();
    }

    [Fact]
    public void Every_request_type_has_evidence_a_next_step_and_unique_field_ids()
    {
        RequestForms.All.Select(d => d.Slug).ShouldBeUnique();
        foreach (var definition in RequestForms.All)
        {
            definition.Evidence.ShouldNotBeEmpty();
            definition.WhatHappensNext.ShouldNotBeNullOrWhiteSpace();
            definition.Fields.Select(f => f.Id).ShouldBeUnique();
        }
    }

    [Theory]
    [InlineData("Submitted", "Received")]
    [InlineData("UnderReview", "Being looked at")]
    [InlineData("MoreInformationNeeded", "We need more information")]
    [InlineData("Approved", "Approved")]
    [InlineData("Declined", "Not approved")]
    [InlineData("Withdrawn", "Withdrawn")]
    public void Every_state_has_plain_words(string state, string words) =>
        RequestForms.StatusInWords(state).Status.ShouldBe(words);
}
