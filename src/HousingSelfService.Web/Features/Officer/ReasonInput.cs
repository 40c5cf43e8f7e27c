namespace HousingSelfService.Web.Features.Officer;

/// <summary>A form with just a reason (see <c>ReasonField</c>).</summary>
public sealed class ReasonInput
{
    public string? Reason { get; set; }
}
