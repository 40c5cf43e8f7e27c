using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HousingSelfService.CouncilApi.Tests.Client;

/// <summary>
/// A real Kestrel server on loopback that answers each request with the next scripted reply and records what it
/// received, so the typed clients' resilience can be observed from the outside.
/// </summary>
internal sealed class ScriptedCouncilServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _replies = new();

    private ScriptedCouncilServer(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the server answers once the script has run out.</summary>
    public ScriptedReply Fallback { get; set; } = ScriptedReply.Status(StatusCodes.Status200OK);

    public static async Task<ScriptedCouncilServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedCouncilServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    public void Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Received.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers["x-correlation-id"].ToString(),
            context.Request.Headers["Idempotency-Key"].ToString()));

        var reply = _replies.TryDequeue(out var next) ? next : Fallback;
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.StatusCode;
        if (reply.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Json);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ScriptedReply(int StatusCode, string? Json, TimeSpan Delay)
{
    public static ScriptedReply Status(int statusCode) => new(statusCode, null, TimeSpan.Zero);

    public static ScriptedReply Ok(string json) => new(StatusCodes.Status200OK, json, TimeSpan.Zero);

    public static ScriptedReply Slow(TimeSpan delay) => new(StatusCodes.Status200OK, null, delay);
}

internal sealed record ReceivedRequest(string Method, string PathAndQuery, string Authorization, string CorrelationId, string IdempotencyKey);
