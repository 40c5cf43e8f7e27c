using HousingSelfService.Web.Components.Common;
using Microsoft.AspNetCore.Components;

namespace HousingSelfService.Web.Features.Repairs.Report;

/// <summary>
/// What every report page does: load the resident's saved draft (so a reload or a new circuit carries on where
/// they were), send them back to the first question they have not answered, and move on after a saved answer.
/// </summary>
public abstract class ReportStepBase : ComponentBase
{
    [Inject]
    protected RepairReportService Report { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>Set by a "Change" link on the check answers page: saving goes back there.</summary>
    [SupplyParameterFromQuery(Name = "change")]
    public bool Change { get; set; }

    protected RepairDraft? Draft { get; private set; }

    protected IReadOnlyList<FormError> Errors { get; set; } = [];

    protected bool Busy { get; private set; }

    protected string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    /// <summary>The pages that must be answered before this one, in order (this page's place in the journey).</summary>
    protected abstract int StepNumber { get; }

    protected override async Task OnParametersSetAsync()
    {
        Draft = await Report.GetDraftAsync();
        if (Draft is null)
        {
            Navigation.NavigateTo(ReportPaths.Start);
            return;
        }

        if (RepairReportService.FirstUnanswered(Draft) is { } missing && Step(missing) < StepNumber)
        {
            Navigation.NavigateTo(missing);
            return;
        }

        await OnDraftLoadedAsync(Draft);
    }

    protected virtual Task OnDraftLoadedAsync(RepairDraft draft) => Task.CompletedTask;

    /// <summary>Runs a save once at a time (a double tap does nothing more) and goes where it says, or shows its errors.</summary>
    protected async Task SaveAsync(Func<Task<StepResult>> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        if (Busy)
        {
            return;
        }

        Busy = true;
        try
        {
            var result = await save();
            Errors = result.Errors;
            if (result.Next is { } next)
            {
                Navigation.NavigateTo(next);
            }
        }
        finally
        {
            Busy = false;
        }
    }

    internal static int Step(string path) => path switch
    {
        ReportPaths.Where => 1,
        ReportPaths.Describe => 3,
        ReportPaths.Photos => 4,
        ReportPaths.Contact => 5,
        ReportPaths.Appointment => 6,
        ReportPaths.Check => 7,
        _ => 2, // triage
    };
}
