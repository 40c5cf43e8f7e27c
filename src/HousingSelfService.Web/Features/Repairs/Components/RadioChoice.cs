namespace HousingSelfService.Web.Features.Repairs.Components;

/// <summary>One radio button: its value, its label and an optional hint under it.</summary>
public sealed record RadioChoice(string Value, string Label, string? Hint = null);
