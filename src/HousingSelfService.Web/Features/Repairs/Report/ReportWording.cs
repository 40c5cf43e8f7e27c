using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.Web.Features.Home;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Repairs.Report;

/// <summary>What the report pages, the confirmation and its message say, in one place.</summary>
public static class ReportWording
{
    /// <summary>The council's work order number once it has one; our own reference until then.</summary>
    public static string Reference(RepairDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.WorkOrderReference is { } reference ? reference.ToString(UkFormat.Culture) : draft.LocalReference ?? "";
    }

    public static string Appointment(RepairDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft is { SlotDate: { } date, SlotStart: { } start, SlotEnd: { } end } && (draft.AppointmentBooked || draft.State != RepairDraftState.Sent)
            ? Wording.Appointment(date, start, end)
            : "Not booked yet: we will call you to arrange a time";
    }

    /// <summary>Where the repair is, as the check answers page says it.</summary>
    public static string Where(RepairDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.RepairType != RepairType.Communal ? "Inside my home"
            : draft.BlockReference is null ? "In a shared area" : "In a shared area of your block";
    }

    public const string AwaabsLaw =
        "Damp and mould can harm your health. By law (Awaab's Law) we must check it within 10 working days, " +
        "and fix anything dangerous within 24 hours.";

    public static string WhatHappensNext(RepairDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var visit = draft.State == RepairDraftState.Received
            ? "Our system is busy, so we will pass your report to the repairs team as soon as we can. You do not need to do anything."
            : draft.AppointmentBooked
                ? draft.BlockReference is null
                    ? "Someone aged 18 or over needs to be at home for the visit."
                    : "The repair is in a shared part of your block. You do not need to be at home when we visit."
                : "We will call you to arrange a time for the visit.";
        return draft.Priority == RepairPriority.DampAndMould ? $"{visit} {AwaabsLaw}" : visit;
    }

    /// <summary>How soon the repair is due, in words a resident understands.</summary>
    public static string Timescale(int priority) => priority switch
    {
        RepairPriority.Urgent => "Urgent: we aim to fix it within 5 working days.",
        RepairPriority.DampAndMould => AwaabsLaw,
        _ => "Routine: we aim to fix it within 21 days.",
    };
}
