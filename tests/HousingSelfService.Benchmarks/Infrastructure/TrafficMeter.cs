using System.Text;
using Microsoft.Playwright;

namespace HousingSelfService.Benchmarks.Infrastructure;

/// <summary>One static asset's delivery, as the browser received it.</summary>
internal sealed record AssetDelivery(string Url, string ContentType, string? ContentEncoding, string? CacheControl, long TransferBytes)
{
    private static readonly string[] Compressible = ["text/", "javascript", "json", "svg", "xml"];

    public bool ShouldBeCompressed => Compressible.Any(type => ContentType.Contains(type, StringComparison.OrdinalIgnoreCase));

    public bool Compressed => !string.IsNullOrEmpty(ContentEncoding) && ContentEncoding != "identity";

    /// <summary>MapStaticAssets marks only fingerprinted URLs immutable for a year; a plain URL is revalidated instead.</summary>
    public bool Fingerprinted => CacheControl?.Contains("immutable", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>
/// What one page load or navigation cost: <see cref="WireBytes"/> as counted on the wire (the figure to budget), and
/// Playwright's view of the same traffic as the breakdown.
/// </summary>
internal sealed record Traffic(long WireBytes, long WireBytesToServer, long HttpBytes, int Requests, long WebSocketBytes, int WebSocketFrames, IReadOnlyList<AssetDelivery> Assets);

/// <summary>
/// Counts a page's network traffic: the bytes crossing the <see cref="WireCounter"/> the page's browser talks
/// through, and through Playwright every finished HTTP request's response headers + encoded (compressed) body and
/// the Blazor WebSocket's frames in both directions. Playwright reports WebSocket payloads after permessage-deflate
/// is undone, so its WebSocket figure is larger than what crossed the wire.
/// </summary>
internal sealed class TrafficMeter
{
    private static readonly string[] AssetTypes = ["stylesheet", "script", "font", "image"];
    private readonly object _gate = new();
    private readonly WireCounter? _wire;
    private readonly List<IRequest> _requests = [];
    private long _webSocketBytes;
    private int _webSocketFrames;
    private DateTime _lastFrameUtc = DateTime.MinValue;

    /// <param name="page">The page to watch.</param>
    /// <param name="wire">The relay the page's browser talks through, when wire bytes are wanted.</param>
    public TrafficMeter(IPage page, WireCounter? wire = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        _wire = wire;
        wire?.Reset();
        page.RequestFinished += (_, request) => { lock (_gate) { _requests.Add(request); } };
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) => Count(frame);
            socket.FrameSent += (_, frame) => Count(frame);
        };
    }

    public int FramesSoFar { get { lock (_gate) { return _webSocketFrames; } } }

    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _webSocketBytes = 0;
            _webSocketFrames = 0;
        }

        _wire?.Reset();
    }

    /// <summary>Waits for network idle, then until the WebSocket has been quiet for a second (at most 15 s).</summary>
    public async Task SettleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            DateTime last;
            lock (_gate)
            {
                last = _lastFrameUtc;
            }

            if (DateTime.UtcNow - last > TimeSpan.FromSeconds(1))
            {
                return;
            }

            await Task.Delay(200);
        }
    }

    public async Task<Traffic> ReadAsync()
    {
        IRequest[] requests;
        long socketBytes;
        int frames;
        lock (_gate)
        {
            requests = [.. _requests];
            socketBytes = _webSocketBytes;
            frames = _webSocketFrames;
        }

        long http = 0;
        var assets = new List<AssetDelivery>();
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            var bytes = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            http += bytes;
            if (AssetTypes.Contains(request.ResourceType) && await request.ResponseAsync() is { } response)
            {
                var headers = await response.AllHeadersAsync();
                assets.Add(new AssetDelivery(new Uri(request.Url).PathAndQuery, headers.GetValueOrDefault("content-type") ?? "",
                    headers.GetValueOrDefault("content-encoding"), headers.GetValueOrDefault("cache-control"), bytes));
            }
        }

        return new Traffic(_wire?.ToBrowser ?? 0, _wire?.ToServer ?? 0, http, requests.Length, socketBytes, frames, assets);
    }

    private void Count(IWebSocketFrame frame)
    {
        var bytes = frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? "");
        lock (_gate)
        {
            _webSocketBytes += bytes;
            _webSocketFrames++;
            _lastFrameUtc = DateTime.UtcNow;
        }
    }
}
