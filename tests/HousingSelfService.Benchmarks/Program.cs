using System.Globalization;
using HousingSelfService.Benchmarks;
using HousingSelfService.Benchmarks.Infrastructure;

// dotnet run -c Release --project tests/HousingSelfService.Benchmarks -- <command> [--quick] [--out file.json]
//   [--app PUBLISHED-FOLDER] [--pages Dashboard,Sign] [--circuits 30,60] [--lighthouse-runs N]
// Commands: all, weight, lighthouse, throughput, memory, fanout. README.md "Performance" explains each figure.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var benchmarks = new Dictionary<string, Func<Harness, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["weight"] = PageWeight.RunAsync,
    ["lighthouse"] = LighthouseAudit.RunAsync,
    ["throughput"] = Throughput.RunAsync,
    ["memory"] = CircuitMemory.RunAsync,
    ["fanout"] = FanOut.RunAsync,
};

var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
if (command != "all" && !benchmarks.ContainsKey(command))
{
    await Console.Error.WriteLineAsync($"Unknown command '{command}'. Use one of: all, {string.Join(", ", benchmarks.Keys)}.");
    return 2;
}

await using var harness = Harness.Create(HarnessOptions.Parse(args));
foreach (var (name, run) in benchmarks.Where(b => command == "all" || b.Key.Equals(command, StringComparison.OrdinalIgnoreCase)))
{
    Console.WriteLine($"\n=== {name} ({DateTime.UtcNow:HH:mm:ss} UTC) ===");
    try
    {
        await run(harness);
    }
    catch (Exception exception) when (command == "all" && exception is not OutOfMemoryException)
    {
        // One failing figure should not lose the others in a long run; it is recorded and the run exits non-zero.
        Console.Error.WriteLine($"{name} failed: {exception}");
        harness.Results.Fail(name, exception.Message);
    }
}

harness.Results.Save();
Console.WriteLine($"\nResults written to {harness.Results.Path}");
return harness.Results.HasFailures ? 1 : 0;
