using System.Security.Cryptography;
using System.Text;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Data;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Infrastructure;

/// <summary>A creating endpoint's outcome, kept so a retry with the same Idempotency-Key gets the same answer.</summary>
public sealed record StoredResponse(int StatusCode, string Json)
{
    public static StoredResponse Of<T>(int statusCode, T body) =>
        new(statusCode, System.Text.Json.JsonSerializer.Serialize(body, CouncilApiJson.Options));
}

/// <summary>
/// Idempotency-Key handling (IETF draft) for creating POSTs. The key row is inserted before the work starts, so
/// of two concurrent requests with one key only the first gets to create; the other sees it in flight (409).
/// </summary>
public sealed class Idempotency(IDbContextFactory<CouncilDbContext> databases, TimeProvider timeProvider)
{
    private const int MaxKeyLength = 255;

    public async Task<IResult> ExecuteAsync(HttpContext context, string scope, JsonBody body, Func<Task<(StoredResponse? Response, IResult? Error)>> create)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(create);
        var key = context.Request.Headers[CouncilApiHeaders.IdempotencyKey].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return ApiErrors.Core(context, StatusCodes.Status400BadRequest,
                "The Idempotency-Key header is required on this request: send a unique value (e.g. a UUID) and reuse it when retrying.");
        }

        if (key.Length > MaxKeyLength)
        {
            return ApiErrors.Core(context, StatusCodes.Status400BadRequest, $"The Idempotency-Key must be at most {MaxKeyLength} characters.");
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body.Canonical())));
        var cancellationToken = context.RequestAborted;
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = new IdempotencyRecord
        {
            Scope = scope,
            Key = key,
            RequestHash = hash,
            State = IdempotencyState.InFlight,
            CreatedAt = timeProvider.GetUtcNow().UtcDateTime,
        };
        database.IdempotencyKeys.Add(record);
        try
        {
            await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return await ExistingOutcomeAsync(context, scope, key, hash).ConfigureAwait(false);
        }

        (StoredResponse? Response, IResult? Error) outcome;
        try
        {
            outcome = await create().ConfigureAwait(false);
        }
        catch
        {
            await ForgetAsync(database, record).ConfigureAwait(false);
            throw;
        }

        if (outcome.Response is not { } response)
        {
            // Nothing was created (the request was invalid), so the key stays free for a corrected request.
            await ForgetAsync(database, record).ConfigureAwait(false);
            return outcome.Error ?? throw new InvalidOperationException("A create produced neither a response nor an error.");
        }

        record.State = IdempotencyState.Completed;
        record.ResponseStatus = response.StatusCode;
        record.ResponseBody = response.Json;
        await database.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        return Results.Content(response.Json, "application/json", Encoding.UTF8, response.StatusCode);
    }

    private async Task<IResult> ExistingOutcomeAsync(HttpContext context, string scope, string key, string hash)
    {
        await using var database = await databases.CreateDbContextAsync(context.RequestAborted).ConfigureAwait(false);
        var existing = await database.IdempotencyKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.Scope == scope && k.Key == key, context.RequestAborted).ConfigureAwait(false);
        if (existing is not null && existing.RequestHash != hash)
        {
            return ApiErrors.Core(context, StatusCodes.Status422UnprocessableEntity,
                "This Idempotency-Key was already used with a different request body; use a new key for a new request.");
        }

        // Gone again means the first request failed and released the key just now: the caller may simply retry.
        if (existing is null || existing.State == IdempotencyState.InFlight || existing.ResponseStatus is not { } status)
        {
            return ApiErrors.Core(context, StatusCodes.Status409Conflict,
                "A request with this Idempotency-Key is still being processed; retry shortly.");
        }

        context.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Content(existing.ResponseBody, "application/json", Encoding.UTF8, status);
    }

    private static async Task ForgetAsync(CouncilDbContext database, IdempotencyRecord record)
    {
        database.IdempotencyKeys.Remove(record);
        await database.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
