using HousingSelfService.Web.Infrastructure.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;

namespace HousingSelfService.Web.Tests.Infrastructure;

public sealed class FileNotificationSenderTests : IDisposable
{
    private static readonly NotificationTemplate RepairEmail = new(
        "repair-raised", NotificationChannel.Email, "Repair ((reference)) reported", "Dear ((name)), we will visit on ((date)).");

    private static readonly NotificationTemplate RepairText = new(
        "repair-raised-sms", NotificationChannel.Sms, null, "Repair ((reference)) booked.");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hss-notify-" + Guid.NewGuid().ToString("N"));

    private FileNotificationSender Sender(SimulatedNotifyFailure failure = SimulatedNotifyFailure.None, NotificationFolder? folder = null) =>
        new([RepairEmail, RepairText], Options.Create(new NotificationOptions { SimulateFailure = failure }),
            folder ?? new NotificationFolder(_folder), TimeProvider.System, NullLogger<FileNotificationSender>.Instance);

    private static Dictionary<string, string> Values(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public async Task An_email_is_rendered_from_its_template_and_written_where_it_can_be_read_back()
    {
        var folder = new NotificationFolder(_folder);
        var receipt = await Sender(folder: folder).SendEmailAsync("mei@example.test", "repair-raised",
            Values(("reference", "10000123"), ("name", "Mei"), ("date", "Tuesday 1 December")), "ref-1", TestContext.Current.CancellationToken);

        receipt.Subject.ShouldBe("Repair 10000123 reported");
        receipt.Body.ShouldBe("Dear Mei, we will visit on Tuesday 1 December.");
        var sent = folder.ReadAll().ShouldHaveSingleItem();
        sent.Id.ShouldBe(receipt.Id);
        sent.Recipient.ShouldBe("mei@example.test");
        sent.Reference.ShouldBe("ref-1");
        sent.Channel.ShouldBe(NotificationChannel.Email);
    }

    [Fact]
    public async Task A_missing_placeholder_value_is_refused_as_Notify_refuses_it_and_nothing_is_written()
    {
        var failure = await Should.ThrowAsync<NotificationException>(() => Sender().SendEmailAsync(
            "mei@example.test", "repair-raised", Values(("reference", "1")), cancellationToken: TestContext.Current.CancellationToken));

        failure.StatusCode.ShouldBe(400);
        failure.Message.ShouldBe("Missing personalisation: date, name");
        failure.IsTransient.ShouldBeFalse();
        new NotificationFolder(_folder).ReadAll().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("07700 900123", true)]
    [InlineData("+44 7700 900123", true)]
    [InlineData("+33 6 12 34 56 78", true)]
    [InlineData("020 7946 0123", false)]
    [InlineData("0770090012", false)]
    public async Task Text_messages_go_only_to_mobile_numbers(string phone, bool accepted)
    {
        var send = () => Sender().SendSmsAsync(phone, "repair-raised-sms", Values(("reference", "1")), cancellationToken: TestContext.Current.CancellationToken);

        if (accepted)
        {
            (await send()).Body.ShouldBe("Repair 1 booked.");
        }
        else
        {
            (await Should.ThrowAsync<NotificationException>(send)).Error.ShouldBe("ValidationError");
        }
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("someone@localhost")]
    [InlineData("Mei <mei@example.test>")]
    public async Task Invalid_email_addresses_are_refused(string address)
    {
        var failure = await Should.ThrowAsync<NotificationException>(() => Sender().SendEmailAsync(
            address, "repair-raised", Values(("reference", "1"), ("name", "x"), ("date", "y")), cancellationToken: TestContext.Current.CancellationToken));

        failure.Message.ShouldBe("email_address Not a valid email address");
    }

    [Fact]
    public async Task An_unknown_template_or_one_for_the_other_channel_is_refused()
    {
        var sender = Sender();
        var values = Values(("reference", "1"));

        (await Should.ThrowAsync<NotificationException>(() => sender.SendSmsAsync("07700900123", "nope", values, cancellationToken: TestContext.Current.CancellationToken)))
            .Error.ShouldBe("BadRequestError");
        (await Should.ThrowAsync<NotificationException>(() => sender.SendEmailAsync("a@example.test", "repair-raised-sms", values, cancellationToken: TestContext.Current.CancellationToken)))
            .Error.ShouldBe("BadRequestError");
    }

    [Theory]
    [InlineData(SimulatedNotifyFailure.RateLimited, 429, true)]
    [InlineData(SimulatedNotifyFailure.ServerError, 500, true)]
    [InlineData(SimulatedNotifyFailure.AuthError, 403, false)]
    public async Task Simulated_outages_fail_with_Notifys_status_codes(SimulatedNotifyFailure simulated, int status, bool transient)
    {
        var failure = await Should.ThrowAsync<NotificationException>(() => Sender(simulated).SendSmsAsync(
            "07700900123", "repair-raised-sms", Values(("reference", "1")), cancellationToken: TestContext.Current.CancellationToken));

        failure.StatusCode.ShouldBe(status);
        failure.IsTransient.ShouldBe(transient);
        new NotificationFolder(_folder).ReadAll().ShouldBeEmpty();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
