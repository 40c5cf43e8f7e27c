namespace HousingSelfService.CouncilApi.Client.Repairs;

public sealed record AppointmentDay(DateOnly Date, IReadOnlyList<AppointmentSlot> Slots);

/// <summary>A bookable slot; <see cref="Reference"/> is <c>{dayId}/{yyyy-MM-dd}</c>.</summary>
public sealed record AppointmentSlot(string Reference, string Description, string Start, string End);

public sealed record BookAppointmentRequest(WorkOrderReference WorkOrderReference, AppointmentReference AppointmentReference);

public sealed record AppointmentReference(string Id);
