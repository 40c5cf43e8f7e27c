using System.Net;
using System.Net.Sockets;

namespace HousingSelfService.Benchmarks.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of the app that counts every byte crossing it, each way. The browser talks to
/// <see cref="Address"/>; what the relay counts is what a phone's radio would carry: HTTP headers, compressed
/// bodies, and the Blazor WebSocket's frames as sent, after permessage-deflate (which Playwright's frame events undo).
/// </summary>
internal sealed class WireCounter : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _toBrowser;
    private long _toServer;

    public WireCounter(Uri target)
    {
        _target = target;
        _listener.Start();
        Address = new UriBuilder(target) { Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri;
        _accepting = AcceptAsync();
    }

    /// <summary>The app's address through the relay.</summary>
    public Uri Address { get; }

    /// <summary>Bytes the server sent the browser since the last <see cref="Reset"/>: what the phone downloads.</summary>
    public long ToBrowser => Interlocked.Read(ref _toBrowser);

    /// <summary>Bytes the browser sent the server (request headers with cookies, form posts, WebSocket frames).</summary>
    public long ToServer => Interlocked.Read(ref _toServer);

    public void Reset()
    {
        Interlocked.Exchange(ref _toBrowser, 0);
        Interlocked.Exchange(ref _toServer, 0);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var browser = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(browser);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RelayAsync(TcpClient browser)
    {
        using (browser)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
                browser.NoDelay = server.NoDelay = true;
                var (fromBrowser, fromServer) = (browser.GetStream(), server.GetStream());
                // Either side closing ends both directions, as a real connection would.
                await Task.WhenAny(CopyAsync(fromBrowser, fromServer, isToServer: true), CopyAsync(fromServer, fromBrowser, isToServer: false));
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task CopyAsync(Stream from, Stream to, bool isToServer)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            Interlocked.Add(ref isToServer ? ref _toServer : ref _toBrowser, read);
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
