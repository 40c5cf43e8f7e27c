using System.Globalization;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using HousingSelfService.CouncilApi.Repairs;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>Repairs Hub API (<c>api/v2</c>) and the repairs-online triage (<c>api/v1/repairsonline</c>).</summary>
public static class RepairsEndpoints
{
    public const int MaxPageSize = 50;
    private const int MaxDescriptionLength = 255;
    private const int MaxTextLength = 1000;
    private const string CancelType = "cancel";

    public static void MapRepairs(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v2/workOrders", ListWorkOrdersAsync);
        routes.MapGet("/api/v2/workOrders/{reference:int}", GetWorkOrderAsync);
        routes.MapGet("/api/v2/workOrders/{reference:int}/notes", GetNotesAsync);
        routes.MapPost("/api/v2/workOrders/schedule", ScheduleAsync);
        routes.MapPost("/api/v2/workOrderComplete", CompleteAsync);
        routes.MapGet("/api/v2/appointments", GetAvailableAppointmentsAsync);
        routes.MapPost("/api/v2/appointments", BookAppointmentAsync);
        routes.MapGet("/api/v2/properties/{propertyReference}", GetPropertyAsync);
        routes.MapGet("/api/v1/repairsonline/triage", (RepairType? repairType, TriageCatalogue triage) =>
            Results.Ok(triage.For(repairType ?? RepairType.Tenant)));
    }

    private static async Task<IResult> ListWorkOrdersAsync(string? propertyReference, int? statusCode, int? pageNumber, int? pageSize,
        CouncilDbContext database, CancellationToken cancellationToken)
    {
        var page = pageNumber ?? 1;
        var size = pageSize ?? MaxPageSize;
        if (string.IsNullOrWhiteSpace(propertyReference))
        {
            return ApiErrors.Validation("propertyReference", "propertyReference is required.");
        }

        if (page < 1)
        {
            return ApiErrors.Validation("pageNumber", "pageNumber must be 1 or more.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            return ApiErrors.Validation("pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        }

        var query = database.WorkOrders.AsNoTracking().Where(w => w.PropertyReference == propertyReference);
        if (statusCode is { } status)
        {
            query = query.Where(w => w.StatusCode == status);
        }

        var workOrders = await query.OrderByDescending(w => w.DateRaised).ThenByDescending(w => w.Reference)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return Results.Ok(workOrders.Select(ToResponse).ToList());
    }

    private static async Task<IResult> GetWorkOrderAsync(int reference, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken)
    {
        var workOrder = await database.WorkOrders.AsNoTracking().SingleOrDefaultAsync(w => w.Reference == reference, cancellationToken);
        return workOrder is null ? ApiErrors.NotFound(context, $"Work order {reference}") : Results.Ok(ToResponse(workOrder));
    }

    private static async Task<IResult> GetNotesAsync(int reference, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken)
    {
        if (!await database.WorkOrders.AnyAsync(w => w.Reference == reference, cancellationToken))
        {
            return ApiErrors.NotFound(context, $"Work order {reference}");
        }

        var notes = await database.WorkOrderNotes.AsNoTracking().Where(n => n.WorkOrderReference == reference)
            .OrderByDescending(n => n.Time).ThenByDescending(n => n.Id).ToListAsync(cancellationToken);
        return Results.Ok(notes.Select(n => new WorkOrderNote(n.Note, n.Time, n.User)).ToList());
    }

    private static async Task<IResult> ScheduleAsync(HttpContext context, CouncilDbContext database, Idempotency idempotency,
        TriageCatalogue triage, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request);
        if (body is null)
        {
            return bodyError!;
        }

        return await idempotency.ExecuteAsync(context, "workOrders/schedule", body, async () =>
        {
            var (request, requestError) = body.As<ScheduleRepairRequest>();
            if (request is null)
            {
                return (null, requestError);
            }

            var errors = ValidateSchedule(request, triage);
            var propertyReference = First(request.Site?.Property)?.PropertyReference;
            if (propertyReference is not null && !errors.ContainsKey(PropertyField)
                && await PropertyEligibilityAsync(database, propertyReference, timeProvider, cancellationToken) is { } ineligible)
            {
                errors[PropertyField] = [ineligible];
            }

            if (errors.Count > 0)
            {
                return (null, ApiErrors.Validation(errors));
            }

            var sor = triage.SorItems[request.WorkElement[0].RateScheduleItem[0].CustomCode];
            var actor = Actor.Of(context.User);
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var priorityCode = request.Priority.PriorityCode;
            var workOrder = new WorkOrderRecord
            {
                DateRaised = now,
                LastUpdated = now,
                PriorityCode = priorityCode,
                PropertyReference = propertyReference!,
                Description = request.DescriptionOfWork.Trim(),
                Target = RepairPriority.Target(priorityCode, now),
                StatusCode = WorkOrderStatus.InProgress,
                SorCode = sor.Code,
                TradeDescription = First(request.WorkElement[0].Trade)?.CustomName ?? sor.Description,
                LocationOfRepair = request.LocationOfRepair,
                AccessInformation = request.AccessInformation,
                CallerName = request.Customer?.Name,
                CallerNumber = First(request.Customer?.Person?.Communication)?.Value,
                CreatedBy = actor.Display,
            };
            workOrder.Notes.Add(new WorkOrderNoteRecord { Note = $"Repair raised online: {sor.Description} ({sor.Code}).", Time = now, User = actor.Display });
            database.WorkOrders.Add(workOrder);
            await database.SaveChangesAsync(cancellationToken);
            return (StoredResponse.Of(StatusCodes.Status200OK,
                new ScheduleRepairResponse(workOrder.Reference, workOrder.StatusCode, WorkOrderStatus.Describe(workOrder.StatusCode))), null);
        });
    }

    private const string PropertyField = "site.property[0].propertyReference";

    private static Dictionary<string, string[]> ValidateSchedule(ScheduleRepairRequest request, TriageCatalogue triage)
    {
        var errors = new Dictionary<string, string[]>();
        var description = request.DescriptionOfWork?.Trim() ?? "";
        if (description.Length is 0 or > MaxDescriptionLength)
        {
            errors["descriptionOfWork"] = [$"A description is required, at most {MaxDescriptionLength} characters."];
        }
        else if (TextChecks.LooksLikeScript(description))
        {
            errors["descriptionOfWork"] = ["W42: The description contains characters that are not allowed."];
        }

        if (request.Priority is null || !RepairPriority.CanBookOnline(request.Priority.PriorityCode))
        {
            errors["priority.priorityCode"] = ["Only priorities 3 (urgent), 4 (normal) and 10 (damp and mould) can be raised online; emergencies must be reported by phone."];
        }

        var code = First(First(request.WorkElement)?.RateScheduleItem)?.CustomCode;
        if (code is null || !triage.SorItems.ContainsKey(code))
        {
            errors["workElement[0].rateScheduleItem[0].customCode"] = [$"'{code}' is not a schedule of rates code this council uses."];
        }

        if (string.IsNullOrWhiteSpace(First(request.Site?.Property)?.PropertyReference))
        {
            errors[PropertyField] = ["A property reference is required."];
        }

        foreach (var (field, text) in new[] { ("locationOfRepair", request.LocationOfRepair), ("accessInformation", request.AccessInformation),
            ("customer.name", request.Customer?.Name) })
        {
            if (text is { Length: > MaxTextLength })
            {
                errors[field] = [$"Must be at most {MaxTextLength} characters."];
            }
            else if (TextChecks.LooksLikeScript(text))
            {
                errors[field] = ["W42: Contains characters that are not allowed."];
            }
        }

        return errors;
    }

    /// <summary>Why a repair cannot be raised online at this property, or null when it can.</summary>
    private static async Task<string?> PropertyEligibilityAsync(CouncilDbContext database, string propertyReference,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var property = await LoadPropertyAsync(database, propertyReference, timeProvider, cancellationToken);
        return property switch
        {
            null => $"There is no property {propertyReference}.",
            { CanRaiseRepair: false } => $"Repairs at property {propertyReference} cannot be raised online; please phone the repairs team.",
            _ => null,
        };
    }

    private static async Task<IResult> CompleteAsync(HttpContext context, CouncilDbContext database, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request);
        if (body is null)
        {
            return bodyError!;
        }

        var (request, requestError) = body.As<WorkOrderCompleteRequest>();
        if (request is null)
        {
            return requestError!;
        }

        var cancel = request.JobStatusUpdates?.FirstOrDefault(u => string.Equals(u.OtherType, CancelType, StringComparison.OrdinalIgnoreCase));
        if (cancel is null)
        {
            return ApiErrors.Validation("jobStatusUpdates", "Only cancellation (otherType \"cancel\") can be sent by this service.");
        }

        if (TextChecks.LooksLikeScript(cancel.Comments) || cancel.Comments is { Length: > MaxTextLength })
        {
            return ApiErrors.Validation("jobStatusUpdates[0].comments", $"W42: Comments must be plain text of at most {MaxTextLength} characters.");
        }

        var workOrder = int.TryParse(request.WorkOrderReference?.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var reference)
            ? await database.WorkOrders.SingleOrDefaultAsync(w => w.Reference == reference, cancellationToken)
            : null;
        if (workOrder is null)
        {
            return ApiErrors.NotFound(context, $"Work order {request.WorkOrderReference?.Id}");
        }

        if (workOrder.StatusCode is WorkOrderStatus.WorkComplete or WorkOrderStatus.WorkCancelled)
        {
            return ApiErrors.Core(context, StatusCodes.Status409Conflict,
                $"Work order {reference} is already {WorkOrderStatus.Describe(workOrder.StatusCode).ToLowerInvariant()} and cannot be cancelled.");
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        workOrder.StatusCode = WorkOrderStatus.WorkCancelled;
        workOrder.LastUpdated = now;
        var comments = string.IsNullOrWhiteSpace(cancel.Comments) ? "" : $": {cancel.Comments.Trim()}";
        database.WorkOrderNotes.Add(new WorkOrderNoteRecord { WorkOrderReference = reference, Note = $"Work order cancelled{comments}", Time = now, User = Actor.Of(context.User).Display });
        await database.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> GetAvailableAppointmentsAsync(int? workOrderReference, DateOnly? fromDate, DateOnly? toDate,
        HttpContext context, CouncilDbContext database, AppointmentSlots slots, CancellationToken cancellationToken)
    {
        // Without a work order the diary is still shown, so a resident can choose a time before the repair is raised.
        if (workOrderReference is { } reference && !await database.WorkOrders.AnyAsync(w => w.Reference == reference, cancellationToken))
        {
            return ApiErrors.NotFound(context, $"Work order {reference}");
        }

        var from = fromDate is { } requestedFrom && requestedFrom > slots.FirstDay ? requestedFrom : slots.FirstDay;
        var to = toDate is { } requestedTo && requestedTo < slots.LastDay ? requestedTo : slots.LastDay;
        if (fromDate > toDate)
        {
            return ApiErrors.Validation("toDate", "toDate must not be before fromDate.");
        }

        var booked = await BookingsAsync(database, from, to, excluding: null, cancellationToken);
        var days = new List<AppointmentDay>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!AppointmentSlots.IsWorkingDay(date))
            {
                continue;
            }

            var free = AppointmentSlots.Times
                .Where(time => booked.GetValueOrDefault((date, time.DayId)) < AppointmentSlots.Capacity)
                .Select(time => new AppointmentSlot(AppointmentSlots.Reference(time, date), time.Description, time.Start, time.End))
                .ToList();
            if (free.Count > 0)
            {
                days.Add(new AppointmentDay(date, free));
            }
        }

        return Results.Ok(days);
    }

    private static async Task<IResult> BookAppointmentAsync(HttpContext context, CouncilDbContext database, AppointmentSlots slots,
        WriteGate gate, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request);
        if (body is null)
        {
            return bodyError!;
        }

        var (request, requestError) = body.As<BookAppointmentRequest>();
        if (request is null)
        {
            return requestError!;
        }

        var workOrder = int.TryParse(request.WorkOrderReference?.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var reference)
            ? await database.WorkOrders.SingleOrDefaultAsync(w => w.Reference == reference, cancellationToken)
            : null;
        if (workOrder is null)
        {
            return ApiErrors.NotFound(context, $"Work order {request.WorkOrderReference?.Id}");
        }

        if (slots.Parse(request.AppointmentReference?.Id) is not var (time, date))
        {
            return ApiErrors.NotFound(context, $"Appointment slot '{request.AppointmentReference?.Id}'");
        }

        if (workOrder.StatusCode is WorkOrderStatus.WorkComplete or WorkOrderStatus.WorkCancelled)
        {
            return ApiErrors.Core(context, StatusCodes.Status409Conflict, $"Work order {reference} is closed; no appointment can be booked.");
        }

        using var entered = await gate.EnterAsync(cancellationToken);
        var booked = await BookingsAsync(database, date, date, excluding: reference, cancellationToken);
        if (booked.GetValueOrDefault((date, time.DayId)) >= AppointmentSlots.Capacity)
        {
            return ApiErrors.Core(context, StatusCodes.Status400BadRequest, $"The {time.Description} slot on {date:yyyy-MM-dd} is full; choose another.");
        }

        // Booking again replaces the appointment, which frees the old slot.
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var replaced = workOrder.AppointmentDate is { } oldDate && AppointmentSlots.TimeOf(workOrder.AppointmentDayId ?? 0) is { } oldTime
            ? $" (replacing {oldTime.Description} on {oldDate:yyyy-MM-dd})"
            : "";
        workOrder.AppointmentDate = date;
        workOrder.AppointmentDayId = time.DayId;
        workOrder.LastUpdated = now;
        database.WorkOrderNotes.Add(new WorkOrderNoteRecord
        {
            WorkOrderReference = reference,
            Note = $"Appointment booked for {date:dddd d MMMM yyyy} {time.Description} ({time.Start}–{time.End}){replaced}.",
            Time = now,
            User = Actor.Of(context.User).Display,
        });
        await database.SaveChangesAsync(cancellationToken);
        return Results.Ok(AppointmentSlots.Appointment(time, date));
    }

    /// <summary>How many open work orders hold each slot in the date range.</summary>
    private static async Task<Dictionary<(DateOnly Date, int DayId), int>> BookingsAsync(CouncilDbContext database, DateOnly from, DateOnly to,
        int? excluding, CancellationToken cancellationToken)
    {
        var bookings = await database.WorkOrders.AsNoTracking()
            .Where(w => w.AppointmentDate >= from && w.AppointmentDate <= to && w.AppointmentDayId != null
                && w.StatusCode != WorkOrderStatus.WorkComplete && w.StatusCode != WorkOrderStatus.WorkCancelled
                && w.Reference != excluding)
            .GroupBy(w => new { w.AppointmentDate, w.AppointmentDayId })
            .Select(g => new { g.Key.AppointmentDate, g.Key.AppointmentDayId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return bookings.ToDictionary(b => (b.AppointmentDate!.Value, b.AppointmentDayId!.Value), b => b.Count);
    }

    private static async Task<IResult> GetPropertyAsync(string propertyReference, HttpContext context, CouncilDbContext database,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var property = await LoadPropertyAsync(database, propertyReference, timeProvider, cancellationToken);
        return property is null ? ApiErrors.NotFound(context, $"Property {propertyReference}") : Results.Ok(property.Response);
    }

    private sealed record LoadedProperty(PropertyResponse Response, bool CanRaiseRepair);

    private static async Task<LoadedProperty?> LoadPropertyAsync(CouncilDbContext database, string propertyReference,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var asset = await database.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.PropertyReference == propertyReference, cancellationToken);
        if (asset is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var tenure = await database.Tenures.AsNoTracking().Include(t => t.Members)
            .FirstOrDefaultAsync(t => t.AssetId == asset.Id && t.IsActive, cancellationToken);
        var personIds = tenure?.Members.Select(m => m.PersonId).ToList() ?? [];
        var alerts = await database.Alerts.AsNoTracking()
            .Where(a => a.PropertyReference == propertyReference || (a.PersonId != null && personIds.Contains(a.PersonId.Value)))
            .ToListAsync(cancellationToken);
        var active = alerts.Where(a => RepairRules.IsActive(a, today)).ToList();
        var locationAlerts = active.Where(a => a.PropertyReference == propertyReference).Select(ToAlert).ToList();
        var personAlerts = active.Where(a => a.PersonId is not null).Select(ToAlert).ToList();
        var canRaise = RepairRules.CanRaiseRepair(asset, tenure, locationAlerts.Count > 0);
        var blockReference = asset.ParentAssetId is { } parentId
            ? await database.Assets.AsNoTracking().Where(a => a.Id == parentId).Select(a => a.PropertyReference).SingleOrDefaultAsync(cancellationToken)
            : null;
        var response = new PropertyResponse(
            new RepairsProperty(asset.PropertyReference, asset.AddressLine1 + (asset.AddressLine2 is null ? "" : ", " + asset.AddressLine2),
                asset.PostCode, asset.AssetType.ToString(), canRaise, blockReference),
            new PropertyAlerts(locationAlerts, personAlerts),
            tenure is null ? null : new PropertyTenure(tenure.TenureTypeCode, Lookups.TenureTypeOf(tenure.TenureTypeCode).Description,
                tenure.PaymentReference, canRaise));
        return new LoadedProperty(response, canRaise);
    }

    /// <summary>The first item of a list the caller may have left out of the body.</summary>
    private static T? First<T>(IReadOnlyList<T>? items) where T : class => items is { Count: > 0 } ? items[0] : null;

    private static CautionaryAlert ToAlert(AlertRecord alert) => new(alert.Type, alert.Comments, alert.StartDate, alert.EndDate);

    internal static WorkOrder ToResponse(WorkOrderRecord workOrder) => new()
    {
        Reference = workOrder.Reference,
        DateRaised = workOrder.DateRaised,
        LastUpdated = workOrder.LastUpdated,
        Priority = RepairPriority.Text(workOrder.PriorityCode),
        PriorityCode = workOrder.PriorityCode,
        PropertyReference = workOrder.PropertyReference,
        Description = workOrder.Description,
        Target = workOrder.Target,
        Status = WorkOrderStatus.Describe(workOrder.StatusCode),
        TradeDescription = workOrder.TradeDescription,
        Appointment = workOrder is { AppointmentDate: { } date, AppointmentDayId: { } dayId } && AppointmentSlots.TimeOf(dayId) is { } time
            ? AppointmentSlots.Appointment(time, date)
            : null,
        CallerName = workOrder.CallerName,
        CallerNumber = workOrder.CallerNumber,
    };
}
