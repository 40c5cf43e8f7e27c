using Microsoft.AspNetCore.Components;

namespace HousingSelfService.Web.Features.Officer;

/// <summary>Officer pages about one resident: loads their record from the person id in the address (404 when unknown).</summary>
public abstract class RecordPageBase : ComponentBase
{
    [Inject]
    protected ResidentRecordService Records { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public Guid PersonId { get; set; }

    [CascadingParameter]
    protected HttpContext? HttpContext { get; set; }

    protected RecordResult? Result { get; private set; }

    protected ResidentRecord? Record => Result?.Record;

    protected string RecordHref => $"officer/residents/{PersonId}";

    protected override async Task OnParametersSetAsync()
    {
        Result = await Records.LoadAsync(PersonId);
        if (Result.Outcome == RecordLookup.NotFound && HttpContext is { Response.HasStarted: false } http)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
