using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HousingSelfService.Benchmarks.Infrastructure;

/// <summary>
/// The JSON results file: one section per benchmark, merged into what an earlier run left there, so running one
/// sub-command updates only its own figures. Also prints each figure as a console table.
/// </summary>
internal sealed class Results(string path, bool quick)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly JsonObject _sections = Load(path);
    private readonly List<string> _failures = [];

    public string Path { get; } = path;

    public bool HasFailures => _failures.Count > 0;

    public void Record(string section, object value)
    {
        var node = JsonSerializer.SerializeToNode(value, Json)!;
        node["measuredAtUtc"] = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture);
        node["quickRun"] = quick;
        _sections[section] = node;
    }

    public void Fail(string section, string message)
    {
        _failures.Add(section);
        _sections[section] = new JsonObject { ["failed"] = message, ["measuredAtUtc"] = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture) };
    }

    public void Save()
    {
        _sections["machine"] = JsonSerializer.SerializeToNode(new
        {
            Environment.ProcessorCount,
            MemoryGiB = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024d / 1024 / 1024, 1),
            Os = RuntimeInformation.OSDescription,
            Runtime = RuntimeInformation.FrameworkDescription,
            LoadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null,
        }, Json);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, _sections.ToJsonString(Json));
    }

    private static JsonObject Load(string path)
    {
        try
        {
            return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

/// <summary>A plain console table.</summary>
internal static class Table
{
    public static void Print(string title, string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
        Console.WriteLine($"\n{title}");
        Console.WriteLine(Line(headers));
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in all)
        {
            Console.WriteLine(Line(row));
        }
    }

    public static string Kb(long bytes) => (bytes / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

    /// <summary>A number in the invariant culture.</summary>
    public static string N(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}

internal static class Stats
{
    /// <summary>Nearest-rank percentile (p in 0..100) of unsorted samples.</summary>
    public static double Percentile(IReadOnlyCollection<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> samples) => Percentile(samples, 50);
}
