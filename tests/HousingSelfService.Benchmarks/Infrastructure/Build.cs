using System.Diagnostics;

namespace HousingSelfService.Benchmarks.Infrastructure;

/// <summary>Publishes the apps under test in Release, as they would run in production.</summary>
internal static class Build
{
    public static async Task<string> PublishAsync(string project, string output)
    {
        Console.WriteLine($"Publishing {Path.GetFileName(project)} (Release)…");
        await RunAsync("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"], workingDirectory: null);
        return output;
    }

    /// <summary>
    /// The baseline: today's <c>dotnet new blazor</c> template (interactive server), generated in the scratch folder at
    /// run time so it always matches the installed SDK and the repo carries no copy to keep up to date.
    /// </summary>
    public static async Task<string> NewBareBlazorAsync(string folder)
    {
        Console.WriteLine("Generating and publishing a bare `dotnet new blazor` app as the baseline…");
        var source = Path.Combine(folder, "src");
        await RunAsync("dotnet", ["new", "blazor", "--interactivity", "Server", "--no-https", "--name", "BareBlazor", "--output", source], workingDirectory: folder);
        return await PublishAsync(source, Path.Combine(folder, "publish"));
    }

    public static async Task<string> RunAsync(string command, IEnumerable<string> arguments, string? workingDirectory,
        IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(start.WorkingDirectory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', arguments)} took longer than {timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }

        return await output;
    }
}
