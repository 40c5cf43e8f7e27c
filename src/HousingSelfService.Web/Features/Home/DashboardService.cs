using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.CouncilApi.Client.Persons;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.CouncilApi.Client.Tenures;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Home;

/// <summary>
/// The home page's feature boundary: finds who is signed in, asks each council API family in parallel for the
/// linked tenancy only, maps the answers to view models, and turns any family's failure into an "unavailable"
/// section while the rest still shows.
/// </summary>
public sealed class DashboardService(
    CurrentResident currentResident,
    IPersonsApi persons,
    ITenuresApi tenures,
    IFinanceApi finance,
    IRepairsApi repairs,
    TimeProvider time,
    ILogger<DashboardService> logger)
{
    public async Task<DashboardModel> LoadAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await currentResident.GetAsync(cancellationToken).ConfigureAwait(false);
        return viewer.Kind switch
        {
            ViewerKind.Resident when viewer.Link is { } link =>
                new DashboardModel(DashboardAudience.Resident, await LoadResidentAsync(link, cancellationToken).ConfigureAwait(false)),
            ViewerKind.Officer => DashboardModel.For(DashboardAudience.Officer),
            ViewerKind.UnlinkedResident or ViewerKind.Resident => DashboardModel.For(DashboardAudience.UnlinkedResident),
            _ => DashboardModel.For(DashboardAudience.Anonymous),
        };
    }

    /// <summary>The resident's dashboard for their tenancy link (never for an id from a URL).</summary>
    public async Task<ResidentDashboard> LoadResidentAsync(TenancyLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var today = UkFormat.Today(time);
        var name = SectionAsync("person", () => LoadNameAsync(link, cancellationToken), cancellationToken);
        var tenancy = SectionAsync("tenure", () => LoadTenancyAsync(link, cancellationToken), cancellationToken);
        var rent = SectionAsync("finance", () => LoadRentAsync(link, today, cancellationToken), cancellationToken);
        var openRepairs = SectionAsync("repairs", () => LoadRepairsAsync(link, today, cancellationToken), cancellationToken);
        await Task.WhenAll(name, tenancy, rent, openRepairs).ConfigureAwait(false);
        return new ResidentDashboard(await name.ConfigureAwait(false), await tenancy.ConfigureAwait(false),
            await rent.ConfigureAwait(false), await openRepairs.ConfigureAwait(false));
    }

    private async Task<ResidentName> LoadNameAsync(TenancyLink link, CancellationToken cancellationToken)
    {
        using var response = await persons.GetPersonAsync(link.PersonId, cancellationToken).ConfigureAwait(false);
        var person = CouncilApiFailures.ContentOrThrow(response, "the person");
        var first = string.IsNullOrWhiteSpace(person.PreferredFirstName) ? person.FirstName : person.PreferredFirstName;
        var last = string.IsNullOrWhiteSpace(person.PreferredSurname) ? person.Surname : person.PreferredSurname;
        return new ResidentName($"{first} {last}".Trim());
    }

    private async Task<TenancySummary> LoadTenancyAsync(TenancyLink link, CancellationToken cancellationToken)
    {
        using var response = await tenures.GetTenureAsync(link.TenureId, cancellationToken).ConfigureAwait(false);
        var tenure = CouncilApiFailures.ContentOrThrow(response, "the tenure");
        var (type, meaning) = Wording.TenancyType(tenure.TenureType.Code, tenure.TenureType.Description);
        var start = tenure.StartOfTenureDate is { } date ? DateOnly.FromDateTime(date) : (DateOnly?)null;
        return new TenancySummary(tenure.TenuredAsset.FullAddress, type, meaning, start);
    }

    private async Task<RentSummary> LoadRentAsync(TenancyLink link, DateOnly today, CancellationToken cancellationToken)
    {
        var accounts = await finance.GetAccountsAsync(link.TenureId, cancellationToken).ConfigureAwait(false);
        var list = accounts.AccountResponseList;
        var account = list.FirstOrDefault(a => a.AccountStatus == AccountStatus.Active)
            ?? (list.Count > 0 ? list[0] : null)
            ?? throw new CouncilDataUnavailableException("The tenure has no rent account.");
        return new RentSummary(account.AccountBalance, today, WeeklyCharge(account, "Rent"), WeeklyCharge(account, "ServiceCharge"),
            account.PaymentReference);
    }

    private static decimal? WeeklyCharge(CouncilApi.Client.Finance.Account account, string type) =>
        account.ConsolidatedCharges
            .Where(c => string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase)
                && string.Equals(c.Frequency, "Weekly", StringComparison.OrdinalIgnoreCase))
            .Select(c => (decimal?)c.Amount)
            .FirstOrDefault();

    private async Task<RepairsSummary> LoadRepairsAsync(TenancyLink link, DateOnly today, CancellationToken cancellationToken)
    {
        var workOrders = await repairs.ListWorkOrdersAsync(link.PropertyReference, cancellationToken: cancellationToken).ConfigureAwait(false);
        var open = workOrders
            .Where(w => string.Equals(w.PropertyReference, link.PropertyReference, StringComparison.Ordinal) && WorkOrderStatus.IsOpen(w.Status))
            .OrderByDescending(w => w.DateRaised)
            .Select(w => ToSummary(w, today))
            .ToList();
        var next = open
            .Where(r => r.Appointment is { } a && a.Date >= today)
            .Select(r => r.Appointment!)
            .OrderBy(a => a.Date).ThenBy(a => a.Start, StringComparer.Ordinal)
            .FirstOrDefault();
        return new RepairsSummary(open, next);
    }

    internal static RepairSummary ToSummary(WorkOrder workOrder, DateOnly today)
    {
        var dueBy = workOrder.Target is { } due ? DateOnly.FromDateTime(due) : (DateOnly?)null;
        var (status, meaning) = Wording.RepairStatus(workOrder.Status);
        var appointment = workOrder.Appointment is { } a
            ? new AppointmentSummary(a.Date, a.Start, a.End, workOrder.Reference, workOrder.Description)
            : null;
        return new RepairSummary(workOrder.Reference, workOrder.Description, status, meaning,
            DateOnly.FromDateTime(workOrder.DateRaised),
            dueBy,
            appointment,
            IsOverdue: dueBy < today && WorkOrderStatus.IsOpen(workOrder.Status))
        {
            AppointmentPassed = appointment is { } booked && booked.Date < today,
        };
    }

    private async Task<Section<T>> SectionAsync<T>(string family, Func<Task<T>> load, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return new Section<T>(await load().ConfigureAwait(false));
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council {Family} API was unavailable for the dashboard.", family);
            return new Section<T>(null);
        }
    }
}
