using System.Text.RegularExpressions;
using HousingSelfService.CouncilApi.Client.DirectDebits;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.DirectDebits;
using HousingSelfService.CouncilApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>Direct Debit mandates (<c>api/v1/directdebits</c>): see, set up or change, and cancel.</summary>
public static partial class DirectDebitEndpoints
{
    /// <summary>Bacs needs at least 10 working days' notice of a first collection; 14 calendar days covers it.</summary>
    public const int NoticeDays = 14;

    public static void MapDirectDebits(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/directdebits", ListAsync);
        routes.MapPost("/api/v1/directdebits", CreateAsync);
        routes.MapDelete("/api/v1/directdebits/{id:guid}", CancelAsync);
    }

    private static async Task<IResult> ListAsync(Guid? targetId, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken)
    {
        if (targetId is not { } target)
        {
            return ApiErrors.Validation("targetId", "targetId is required.");
        }

        if (!await database.Tenures.AnyAsync(t => t.Id == target, cancellationToken))
        {
            return ApiErrors.NotFound(context, $"Tenure {target}");
        }

        var records = await database.Set<DirectDebitRecord>().AsNoTracking().Where(d => d.TenureId == target).ToListAsync(cancellationToken);
        return Results.Ok(new DirectDebitsResponse([.. records.OrderByDescending(d => d.CreatedAt).Select(ToMandate)]));
    }

    private static async Task<IResult> CreateAsync(Guid? targetId, HttpContext context, CouncilDbContext database, Idempotency idempotency,
        WriteGate gate, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (targetId is not { } target)
        {
            return ApiErrors.Validation("targetId", "targetId is required.");
        }

        var (body, bodyError) = await JsonBody.ReadAsync(context.Request);
        if (body is null)
        {
            return bodyError!;
        }

        // The target is part of what is created, so it is part of what a replayed key must match.
        body.Json["targetId"] = target.ToString();
        return await idempotency.ExecuteAsync(context, "directdebits", body, async () =>
        {
            var (request, requestError) = body.As<CreateDirectDebitRequest>();
            if (request is null)
            {
                return (null, requestError);
            }

            if (Problems(request) is { Count: > 0 } problems)
            {
                return (null, ApiErrors.Validation(problems));
            }

            if (!await database.Tenures.AnyAsync(t => t.Id == target, cancellationToken))
            {
                return (null, ApiErrors.NotFound(context, $"Tenure {target}"));
            }

            using var _ = await gate.EnterAsync(cancellationToken);
            var now = timeProvider.GetUtcNow().UtcDateTime;
            // A change is a new mandate: the active one, if any, is cancelled.
            foreach (var active in await database.Set<DirectDebitRecord>().Where(d => d.TenureId == target && d.Status == MandateStatus.Active).ToListAsync(cancellationToken))
            {
                active.Status = MandateStatus.Cancelled;
                active.CancelledAt = now;
            }

            var record = new DirectDebitRecord
            {
                Id = Guid.NewGuid(),
                TenureId = target,
                AccountHolder = request.AccountHolder.Trim(),
                SortCode = request.SortCode,
                AccountNumberEnding = request.AccountNumber[^4..],
                CollectionDay = request.CollectionDay,
                Amount = request.Amount,
                Status = MandateStatus.Active,
                FirstCollectionDate = FirstCollection(DateOnly.FromDateTime(now), request.CollectionDay),
                CreatedAt = now,
                CreatedBy = Actor.Of(context.User).Display,
            };
            database.Add(record);
            await database.SaveChangesAsync(cancellationToken);
            return (StoredResponse.Of(StatusCodes.Status201Created, ToMandate(record)), null);
        });
    }

    private static async Task<IResult> CancelAsync(Guid id, Guid? targetId, HttpContext context, CouncilDbContext database, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var record = await database.Set<DirectDebitRecord>().SingleOrDefaultAsync(d => d.Id == id && d.TenureId == targetId, cancellationToken);
        if (record is null)
        {
            return ApiErrors.NotFound(context, $"Direct Debit {id}");
        }

        if (record.Status == MandateStatus.Active)
        {
            record.Status = MandateStatus.Cancelled;
            record.CancelledAt = timeProvider.GetUtcNow().UtcDateTime;
            await database.SaveChangesAsync(cancellationToken);
        }

        return Results.NoContent();
    }

    /// <summary>The first collection day at least <see cref="NoticeDays"/> days away.</summary>
    public static DateOnly FirstCollection(DateOnly today, int collectionDay)
    {
        var earliest = today.AddDays(NoticeDays);
        var candidate = new DateOnly(earliest.Year, earliest.Month, collectionDay);
        return candidate >= earliest ? candidate : candidate.AddMonths(1);
    }

    private static Dictionary<string, string[]> Problems(CreateDirectDebitRequest request)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.AccountHolder) || request.AccountHolder.Trim().Length > 60 || !HolderPattern().IsMatch(request.AccountHolder.Trim()))
        {
            problems["accountHolder"] = ["accountHolder must be 1 to 60 letters, spaces, hyphens, apostrophes or full stops."];
        }

        var sortCodeValid = request.SortCode is { Length: 6 } && request.SortCode.All(char.IsAsciiDigit);
        if (!sortCodeValid)
        {
            problems["sortCode"] = ["sortCode must be 6 digits."];
        }

        if (request.AccountNumber is not { Length: >= 6 and <= 8 } || !request.AccountNumber.All(char.IsAsciiDigit))
        {
            problems["accountNumber"] = ["accountNumber must be 6 to 8 digits."];
        }
        else if (sortCodeValid && !ModulusCheck.IsValid(request.SortCode, request.AccountNumber))
        {
            problems["accountNumber"] = ["The sort code and account number fail the modulus check."];
        }

        if (request.CollectionDay is < 1 or > 28)
        {
            problems["collectionDay"] = ["collectionDay must be between 1 and 28."];
        }

        if (request.Amount is < 1m or > 10_000m || decimal.Round(request.Amount, 2) != request.Amount)
        {
            problems["amount"] = ["amount must be between 1.00 and 10000.00, in pounds and pence."];
        }

        return problems;
    }

    private static DirectDebitMandate ToMandate(DirectDebitRecord record) => new()
    {
        Id = record.Id,
        TargetId = record.TenureId,
        AccountHolder = record.AccountHolder,
        SortCode = record.SortCode,
        AccountNumberEnding = record.AccountNumberEnding,
        CollectionDay = record.CollectionDay,
        Amount = record.Amount,
        Status = record.Status,
        FirstCollectionDate = record.FirstCollectionDate,
        CreatedAt = record.CreatedAt,
        CancelledAt = record.CancelledAt,
    };

    [GeneratedRegex(@"^[\p{L}][\p{L} '\-.]*$")]
    private static partial Regex HolderPattern();
}
