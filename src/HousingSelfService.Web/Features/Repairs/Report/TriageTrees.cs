using System.Collections.Concurrent;
using HousingSelfService.CouncilApi.Client.Repairs;

namespace HousingSelfService.Web.Features.Repairs.Report;

/// <summary>
/// The council's triage trees, read once per repair type and kept: they change with the council's data releases,
/// not per request, and every step of the journey walks them.
/// </summary>
public sealed class TriageTrees
{
    private readonly ConcurrentDictionary<RepairType, IReadOnlyList<TriageOption>> _trees = new();

    public async Task<IReadOnlyList<TriageOption>> GetAsync(IRepairsApi repairs, RepairType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repairs);
        if (_trees.TryGetValue(type, out var tree))
        {
            return tree;
        }

        tree = await repairs.GetTriageAsync(type, cancellationToken).ConfigureAwait(false);
        return _trees.GetOrAdd(type, tree);
    }

    /// <summary>The options shown at <paramref name="level"/> after the answers in <paramref name="path"/>, or null when the path leads nowhere.</summary>
    public static IReadOnlyList<TriageOption>? OptionsAt(IReadOnlyList<TriageOption> tree, IReadOnlyList<string> path, int level)
    {
        ArgumentNullException.ThrowIfNull(path);
        var options = tree;
        for (var i = 0; i < level; i++)
        {
            if (i >= path.Count || options.FirstOrDefault(o => o.Value == path[i]) is not { Options.Count: > 0 } chosen)
            {
                return null;
            }

            options = chosen.Options;
        }

        return options;
    }

    /// <summary>The chosen options along <paramref name="path"/>, as far as they exist.</summary>
    public static IReadOnlyList<TriageOption> Walk(IReadOnlyList<TriageOption> tree, IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var walked = new List<TriageOption>();
        var options = tree;
        foreach (var value in path)
        {
            if (options.FirstOrDefault(o => o.Value == value) is not { } chosen)
            {
                break;
            }

            walked.Add(chosen);
            options = chosen.Options;
        }

        return walked;
    }
}
