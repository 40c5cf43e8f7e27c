using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using HousingSelfService.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace HousingSelfService.IntegrationTests;

/// <summary>
/// The root wwwroot/ and appsettings.json are linked into the web project by an undocumented corner of the
/// static web assets SDK (shared/research/aesthetics.md §3); this publishes the app for real and checks that the
/// published app serves them, compressed and fingerprinted, so an SDK change fails here and not in production.
/// </summary>
public sealed partial class PublishedAppTests : IAsyncLifetime
{
    private readonly string _publishFolder = Directory.CreateTempSubdirectory("housing-self-service-publish-").FullName;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("housing-self-service-data-").FullName;
    private Process? _app;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await RunAsync("dotnet", ["publish", Path.Combine(RepositoryRoot.Path, "src", "HousingSelfService.Web"), "-c", "Release", "-o", _publishFolder, "--nologo"], cancellation);
        var port = FreeLoopbackPort();
        _address = new Uri($"http://127.0.0.1:{port}/");
        _app = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(_publishFolder, "HousingSelfService.Web.dll"), "--urls", _address.ToString()])
        {
            WorkingDirectory = _publishFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__DataFolder"] = _dataFolder,
            },
        })!;
        _app.OutputDataReceived += (_, _) => { };
        _app.ErrorDataReceived += (_, _) => { };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        await WaitUntilListeningAsync(cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }

        _app?.Dispose();
        Directory.Delete(_publishFolder, recursive: true);
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task The_published_app_serves_the_root_stylesheet_fingerprinted_and_compressed()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = _address };
        var home = await http.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var stylesheet = FingerprintedAppCss().Match(home);
        stylesheet.Success.ShouldBeTrue("the home page should link the root app.css by its fingerprinted name");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + stylesheet.Value);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldContain("br");
        response.Headers.CacheControl!.ToString().ShouldContain("immutable");
        var published = await File.ReadAllBytesAsync(Path.Combine(_publishFolder, "wwwroot", "css", "app.css"), TestContext.Current.CancellationToken);
        published.Length.ShouldBe((await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Path, "wwwroot", "css", "app.css"), TestContext.Current.CancellationToken)).Length);
        (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_published_app_links_every_stylesheet_and_script_fingerprinted_compressed_and_immutable()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = _address };
        var home = await http.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var assets = LinkedAsset().Matches(home).Select(match => match.Groups["url"].Value.TrimStart('/')).Distinct().ToList();

        // MudBlazor's package assets were the ones served uncompressed when fingerprinted, so name them explicitly.
        assets.ShouldContain(url => MudBlazorFingerprinted().Match(url).Groups[1].Value == "css", string.Join('\n', assets));
        assets.ShouldContain(url => MudBlazorFingerprinted().Match(url).Groups[1].Value == "js", string.Join('\n', assets));
        foreach (var asset in assets)
        {
            Fingerprint().IsMatch(asset).ShouldBeTrue($"{asset} should be linked by its fingerprinted name");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + asset);
            request.Headers.AcceptEncoding.ParseAdd("br");
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
            response.Headers.CacheControl!.ToString().ShouldContain("immutable", customMessage: asset);
            if (Path.GetExtension(asset) is ".png")
            {
                continue; // already compressed; the SDK rightly does not Brotli it
            }

            response.Content.Headers.ContentEncoding.ShouldBe(["br"], asset);
            await using var brotli = new BrotliStream(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), CompressionMode.Decompress);
            using var body = new MemoryStream();
            await brotli.CopyToAsync(body, TestContext.Current.CancellationToken);
            var published = Path.Combine(_publishFolder, "wwwroot", Fingerprint().Replace(asset, "$1"));
            body.Length.ShouldBe(new FileInfo(published).Length, $"{asset} should decompress to {published}");
        }
    }

    [Fact]
    public async Task The_published_app_reads_the_root_appsettings()
    {
        File.Exists(Path.Combine(_publishFolder, "appsettings.json")).ShouldBeTrue();
        using var http = new HttpClient { BaseAddress = _address };
        using var response = await http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [GeneratedRegex(@"css/app\.[a-z0-9]{6,}\.css")]
    private static partial Regex FingerprintedAppCss();

    /// <summary>Stylesheets, icons and scripts in the page head and body (each element's href or src).</summary>
    [GeneratedRegex(@"<(?:link|script)\b[^>]*?\s(?:href|src)=""(?<url>[^""]+)""")]
    private static partial Regex LinkedAsset();

    /// <summary>A fingerprint is a 10-character segment before the extension(s) (app.{fp}.css, Web.{fp}.styles.css);
    /// replacing the match with group 1 gives the published file's name.</summary>
    [GeneratedRegex(@"^(.+?)\.[a-z0-9]{10}(?=(?:\.[a-z0-9]+)+$)")]
    private static partial Regex Fingerprint();

    [GeneratedRegex(@"^_content/MudBlazor/MudBlazor\.min\.[a-z0-9]{10}\.(css|js)$")]
    private static partial Regex MudBlazorFingerprinted();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            _app!.HasExited.ShouldBeFalse("the published app exited during start-up");
            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative), cancellation);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250, cancellation);
            }
        }

        throw new TimeoutException("The published app did not start listening within two minutes.");
    }

    private static async Task RunAsync(string command, string[] arguments, CancellationToken cancellation)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        process.ExitCode.ShouldBe(0, $"{command} {string.Join(' ', arguments)} failed:\n{await output}\n{await errors}");
    }
}
