using System.Text.Json;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Repairs;

namespace HousingSelfService.CouncilApi.Repairs;

/// <summary>A schedule of rates item the triage can lead to.</summary>
public sealed record SorItem(string Code, string Description, int Priority);

/// <summary>
/// The repairs-online triage trees (room → problem → issue), kept as data in <c>triage-tenant.json</c> and
/// <c>triage-communal.json</c>, and the SOR codes their leaves name, which are the codes a repair may be raised with.
/// </summary>
public sealed class TriageCatalogue
{
    private TriageCatalogue(IReadOnlyList<TriageOption> tenant, IReadOnlyList<TriageOption> communal)
    {
        Tenant = tenant;
        Communal = communal;
        SorItems = Leaves(tenant, "").Concat(Leaves(communal, ""))
            .GroupBy(item => item.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<TriageOption> Tenant { get; }
    public IReadOnlyList<TriageOption> Communal { get; }
    public IReadOnlyDictionary<string, SorItem> SorItems { get; }

    public IReadOnlyList<TriageOption> For(RepairType repairType) => repairType == RepairType.Communal ? Communal : Tenant;

    public static TriageCatalogue Load() => new(Read("triage-tenant.json"), Read("triage-communal.json"));

    private static List<TriageOption> Read(string resourceName)
    {
        using var stream = typeof(TriageCatalogue).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The triage data {resourceName} is not embedded in the assembly.");
        return JsonSerializer.Deserialize<List<TriageOption>>(stream, CouncilApiJson.Options)
            ?? throw new InvalidOperationException($"The triage data {resourceName} is empty.");
    }

    private static IEnumerable<SorItem> Leaves(IEnumerable<TriageOption> options, string path) =>
        options.SelectMany(option =>
        {
            var description = path.Length == 0 ? option.Display : $"{path}: {option.Display}";
            return option is { SorCode: { } code, Priority: { } priority }
                ? [new SorItem(code, description, priority)]
                : Leaves(option.Options, description);
        });
}
