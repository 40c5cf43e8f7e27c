using HousingSelfService.CouncilApi.Client.Assets;
using HousingSelfService.CouncilApi.Client.ContactDetails;
using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.CouncilApi.Client.Tenures;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Repairs;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Demo;

/// <summary>
/// Writes the demo plan into an empty database, laying out dates relative to today: tenure starts, two years of
/// weekly rent, repairs in every status with notes and appointments.
/// </summary>
internal sealed class DemoSeeder
{
    private const int RandomSeed = 1_958;
    private const int RentHistoryDays = 728;
    private const string SystemUser = "Reference Council (demo data)";
    private static readonly int[] SeededStatuses =
    [
        WorkOrderStatus.WorkComplete, WorkOrderStatus.InProgress, WorkOrderStatus.WorkCancelled, WorkOrderStatus.AuthorisationPendingApproval,
        WorkOrderStatus.WorkComplete, WorkOrderStatus.NoAccess, WorkOrderStatus.OnHold, WorkOrderStatus.InProgress,
    ];

    private readonly Random _random = new(RandomSeed);
    private readonly CouncilDbContext _database;
    private readonly TriageCatalogue _triage;
    private readonly DateTime _now;
    private readonly DateOnly _today;
    private readonly AppointmentSlots _slots;
    private readonly Dictionary<(DateOnly, int), int> _bookedSlots = [];
    private long _sequence;
    private int _nextWorkOrderReference = 10_000_001;
    private int _statusIndex;

    private DemoSeeder(CouncilDbContext database, TriageCatalogue triage, TimeProvider timeProvider)
    {
        _database = database;
        _triage = triage;
        _now = timeProvider.GetUtcNow().UtcDateTime;
        _today = DateOnly.FromDateTime(_now);
        _slots = new AppointmentSlots(timeProvider);
    }

    public static async Task SeedIfEmptyAsync(CouncilDbContext database, TriageCatalogue triage, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await database.Tenures.AnyAsync(cancellationToken))
        {
            return;
        }

        new DemoSeeder(database, triage, timeProvider).Seed(DemoData.Plan);
        database.ChangeTracker.AutoDetectChangesEnabled = false;
        await database.SaveChangesAsync(cancellationToken);
        database.ChangeTracker.Clear();
        database.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    private void Seed(DemoPlan plan)
    {
        foreach (var block in plan.Blocks)
        {
            _database.Assets.Add(new AssetRecord
            {
                Id = block.AssetId,
                PropertyReference = block.PropertyReference,
                AssetType = block.Type,
                Uprn = block.Uprn,
                AddressLine1 = block.Name,
                AddressLine2 = block.Street,
                AddressLine3 = "London",
                PostCode = block.Postcode,
                IsTmoManaged = block.TmoName is not null,
                ManagingOrganisation = block.TmoName,
                NumberOfLifts = block.Lifts,
                YearConstructed = block.YearConstructed,
            });
        }

        foreach (var household in plan.Households)
        {
            SeedHousehold(household);
        }

        foreach (var block in plan.Blocks.Where(b => b.TmoName is null).Take(3))
        {
            AddWorkOrder(block.PropertyReference, _triage.Communal, open: true, dampAndMould: false);
        }
    }

    private void SeedHousehold(PlannedHousehold household)
    {
        var home = household.Home;
        _database.Assets.Add(new AssetRecord
        {
            Id = home.AssetId,
            PropertyReference = home.PropertyReference,
            AssetType = home.Type,
            Uprn = home.Uprn,
            AddressLine1 = home.AddressLine1,
            AddressLine2 = home.AddressLine2,
            AddressLine3 = "London",
            PostCode = home.Postcode,
            IsTmoManaged = home.Block?.TmoName is not null,
            ManagingOrganisation = home.Block?.TmoName,
            NumberOfBedrooms = home.Bedrooms,
            YearConstructed = home.YearConstructed,
            ParentAssetId = home.Block?.AssetId,
        });
        if (home.HasLocationAlert)
        {
            _database.Alerts.Add(new AlertRecord
            {
                PropertyReference = home.PropertyReference,
                Type = "VA",
                Comments = "Verbal abuse reported towards staff: visits in pairs only, arranged by phone.",
                StartDate = _today.AddDays(-200 - _random.Next(400)),
            });
        }

        var start = _now.Date.AddDays(-household.StartDaysAgo);
        var tenure = new TenureRecord
        {
            Id = household.Household.TenureId,
            PaymentReference = household.Household.PaymentReference,
            AssetId = home.AssetId,
            TenureTypeCode = household.TenureType.Code,
            StartOfTenureDate = start,
            IsActive = true,
            Rent = household.Rent,
            ServiceCharge = household.ServiceCharge,
            AccountId = household.AccountId,
        };
        foreach (var person in household.People)
        {
            SeedPerson(person, tenure);
        }

        if (_random.Next(8) == 0)
        {
            _database.Alerts.Add(new AlertRecord
            {
                PersonId = household.People[0].Id,
                Type = "DIS",
                Comments = "Hearing impaired: contact by text or email, and allow time at the door.",
                StartDate = _today.AddDays(-30 - _random.Next(700)),
            });
        }

        tenure.Balance = SeedRentAccount(household, start);
        _database.Tenures.Add(tenure);

        if (household.TenureType != TenureType.Leasehold)
        {
            if (household.HasOpenDampRepair)
            {
                AddWorkOrder(home.PropertyReference, _triage.Tenant, open: true, dampAndMould: true);
            }

            var repairs = _random.Next(4);
            for (var i = 0; i < repairs; i++)
            {
                AddWorkOrder(home.PropertyReference, _triage.Tenant, open: null, dampAndMould: false);
            }
        }
    }

    private void SeedPerson(PlannedPerson person, TenureRecord tenure)
    {
        _database.Persons.Add(new PersonRecord
        {
            Id = person.Id,
            Title = person.Title.Length == 0 ? null : person.Title,
            FirstName = person.FirstName,
            MiddleName = person.MiddleName,
            Surname = person.Surname,
            DateOfBirth = person.DateOfBirth,
        });
        tenure.Members.Add(new TenureMemberRecord
        {
            PersonId = person.Id,
            FullName = person.FullName,
            IsResponsible = person.IsResponsible,
            DateOfBirth = person.DateOfBirth.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Type = HouseholdMemberType.Person,
            PersonTenureType = person.Role,
        });
        var created = tenure.StartOfTenureDate.AddDays(_random.Next(30));
        if (person.Phone is { } phone)
        {
            AddContact(person.Id, ContactType.Phone, ContactSubType.Mobile, phone, created);
        }

        if (person.Email is { } email)
        {
            AddContact(person.Id, ContactType.Email, ContactSubType.Home, email, created);
        }
    }

    private void AddContact(Guid personId, ContactType type, ContactSubType subType, string value, DateTime created) =>
        _database.ContactDetails.Add(new ContactDetailRecord
        {
            Id = DemoPlan.NextGuid(_random),
            TargetId = personId,
            TargetType = ContactTargetType.Person,
            ContactType = type,
            SubType = subType,
            Value = value,
            IsActive = true,
            CreatedAt = created,
            CreatedByName = SystemUser,
            LastModified = created,
        });

    /// <summary>Posts a charge every Monday and the household's payments, keeping a running balance; returns the final balance.</summary>
    private decimal SeedRentAccount(PlannedHousehold household, DateTime tenureStart)
    {
        var first = tenureStart > _now.Date.AddDays(-RentHistoryDays) ? tenureStart : _now.Date.AddDays(-RentHistoryDays);
        while (first.DayOfWeek != DayOfWeek.Monday)
        {
            first = first.AddDays(1);
        }

        var weeklyCharge = household.Rent + household.ServiceCharge;
        var weeks = (int)((_now.Date - first).TotalDays / 7) + 1;
        var balance = 0m;
        var owedFromSkippedWeek = 0m;
        for (var week = 0; week < weeks; week++)
        {
            var monday = first.AddDays(week * 7);
            var recentWeek = week >= weeks - 3;
            if (household.Rent > 0)
            {
                balance = Post(household, monday, TransactionType.BasicRentNoVAT, household.Rent, balance);
            }

            if (household.ServiceCharge > 0)
            {
                balance = Post(household, monday, TransactionType.ServiceCharges, household.ServiceCharge, balance);
            }

            var payment = weeklyCharge + owedFromSkippedWeek;
            owedFromSkippedWeek = 0m;
            switch (household.Trend)
            {
                case BalanceTrend.UpToDate when !recentWeek && _random.Next(15) == 0:
                    // A week missed and made up the next week, so the account still ends up to date.
                    owedFromSkippedWeek = payment;
                    continue;
                case BalanceTrend.Arrears when week == weeks - 5 || (!recentWeek && _random.Next(14) == 0):
                    if (household.PaymentMethod == TransactionType.DirectDebit)
                    {
                        balance = Post(household, monday.AddHours(10), TransactionType.DirectDebit, payment, balance);
                        balance = Post(household, monday.AddDays(3).AddHours(9), TransactionType.DirectDebitUnpaid, payment, balance);
                    }

                    continue;
                case BalanceTrend.Credit:
                    payment += 5m;
                    break;
            }

            balance = Post(household, monday.AddHours(10), household.PaymentMethod, payment, balance);
        }

        return balance;
    }

    private decimal Post(PlannedHousehold household, DateTime when, TransactionType type, decimal amount, decimal balance)
    {
        var isCharge = type is TransactionType.BasicRentNoVAT or TransactionType.ServiceCharges or TransactionType.DirectDebitUnpaid;
        var newBalance = isCharge ? balance + amount : balance - amount;
        _database.Transactions.Add(new TransactionRecord
        {
            Id = DemoPlan.NextGuid(_random),
            TenureId = household.Household.TenureId,
            Sequence = ++_sequence,
            TransactionDate = when,
            TransactionType = type,
            TransactionAmount = amount,
            ChargedAmount = isCharge ? amount : 0m,
            PaidAmount = isCharge ? 0m : amount,
            HousingBenefitAmount = type == TransactionType.HousingBenefit ? amount : 0m,
            BalanceAmount = newBalance,
            PaymentReference = household.Household.PaymentReference,
        });
        return newBalance;
    }

    /// <summary>Adds a work order; <paramref name="open"/> null takes the next status in turn so every status appears.</summary>
    private void AddWorkOrder(string propertyReference, IReadOnlyList<TriageOption> tree, bool? open, bool dampAndMould)
    {
        var status = open switch
        {
            true => WorkOrderStatus.InProgress,
            _ => SeededStatuses[_statusIndex++ % SeededStatuses.Length],
        };
        var isClosed = status is WorkOrderStatus.WorkComplete or WorkOrderStatus.WorkCancelled;
        var sor = dampAndMould ? _triage.SorItems["N114001"] : PickSor(tree);
        var raised = _now.AddDays(isClosed ? -30 - _random.Next(650) : -1 - _random.Next(40)).Date.AddHours(8 + _random.Next(9)).AddMinutes(_random.Next(60));
        var workOrder = new WorkOrderRecord
        {
            Reference = _nextWorkOrderReference++,
            DateRaised = raised,
            LastUpdated = raised,
            PriorityCode = sor.Priority,
            PropertyReference = propertyReference,
            Description = dampAndMould
                ? "Black mould spreading on the bedroom wall and window frame; damp smell throughout the flat."
                : sor.Description,
            Target = RepairPriority.Target(sor.Priority, raised),
            StatusCode = status,
            SorCode = sor.Code,
            TradeDescription = TradeOf(sor.Code),
            CallerName = "Resident",
            CreatedBy = SystemUser,
        };
        workOrder.Notes.Add(new WorkOrderNoteRecord { Note = $"Repair raised by the contact centre: {sor.Description}.", Time = raised, User = "Contact Centre" });

        if (status == WorkOrderStatus.InProgress && (dampAndMould || _random.Next(10) < 6))
        {
            BookFutureSlot(workOrder, dampAndMould);
        }
        else if (isClosed || status == WorkOrderStatus.NoAccess)
        {
            var visit = DateOnly.FromDateTime(raised).AddDays(2 + _random.Next(10));
            if (visit < _today)
            {
                var time = AppointmentSlots.Times[_random.Next(2)];
                workOrder.AppointmentDate = visit;
                workOrder.AppointmentDayId = time.DayId;
            }
        }

        var followUp = StatusNote(status);
        if (followUp is not null)
        {
            var when = raised.AddDays(1 + _random.Next(10));
            when = when < _now ? when : _now.AddHours(-1);
            workOrder.Notes.Add(new WorkOrderNoteRecord { Note = followUp, Time = when, User = "Repairs Operative" });
            workOrder.LastUpdated = when;
        }

        _database.WorkOrders.Add(workOrder);
    }

    private void BookFutureSlot(WorkOrderRecord workOrder, bool soon)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var date = _slots.FirstDay.AddDays(soon ? attempt : _random.Next(AppointmentSlots.WindowDays - 1));
            var time = AppointmentSlots.Times[_random.Next(2)];
            if (!AppointmentSlots.IsWorkingDay(date) || _bookedSlots.GetValueOrDefault((date, time.DayId)) >= AppointmentSlots.Capacity - 1)
            {
                continue;
            }

            _bookedSlots[(date, time.DayId)] = _bookedSlots.GetValueOrDefault((date, time.DayId)) + 1;
            workOrder.AppointmentDate = date;
            workOrder.AppointmentDayId = time.DayId;
            return;
        }
    }

    private SorItem PickSor(IReadOnlyList<TriageOption> tree)
    {
        var options = tree;
        while (true)
        {
            var choice = options[_random.Next(options.Count)];
            if (choice is { SorCode: { } code, Priority: { } priority } && RepairPriority.CanBookOnline(priority) && choice.Exit is null)
            {
                return _triage.SorItems[code];
            }

            options = choice.Options.Count > 0 ? choice.Options : tree;
        }
    }

    private static string TradeOf(string sorCode) => sorCode[..3] switch
    {
        "N63" => "Plumbing",
        "N61" => "Electrical",
        "N11" => "Damp and mould",
        "N55" => "Glazing",
        "N37" or "N32" or "N30" or "N25" => "Carpentry",
        "N97" => "Lift engineering",
        "N98" => "Door entry",
        _ => "General building",
    };

    private static string? StatusNote(int status) => status switch
    {
        WorkOrderStatus.WorkComplete => "Work completed; resident satisfied.",
        WorkOrderStatus.WorkCancelled => "Cancelled at the resident's request: fixed by the resident.",
        WorkOrderStatus.NoAccess => "No access: nobody home at the appointment; calling card left.",
        WorkOrderStatus.OnHold => "On hold: awaiting parts from the supplier.",
        WorkOrderStatus.AuthorisationPendingApproval => "Variation over the job budget sent for authorisation.",
        _ => null,
    };
}
