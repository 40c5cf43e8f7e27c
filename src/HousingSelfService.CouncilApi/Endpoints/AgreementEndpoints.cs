using HousingSelfService.CouncilApi.Agreements;
using HousingSelfService.CouncilApi.Client.Agreements;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>Payment arrangements for arrears, after lbh-income-api: <c>GET api/v1/agreements/{tenancyRef}</c>, <c>POST api/v1/agreement/{tenancyRef}</c>.</summary>
public static class AgreementEndpoints
{
    public const int MaxNotesLength = 500;
    public const int MaxStartDays = 31;

    public static void MapAgreements(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/agreements/{tenancyRef}", ListAsync);
        routes.MapPost("/api/v1/agreement/{tenancyRef}", CreateAsync);
    }

    private static async Task<IResult> ListAsync(string tenancyRef, HttpContext context, CouncilDbContext database, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var tenure = await database.Tenures.AsNoTracking().SingleOrDefaultAsync(t => t.PaymentReference == tenancyRef, cancellationToken);
        if (tenure is null)
        {
            return ApiErrors.NotFound(context, $"Tenancy {tenancyRef}");
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var records = await database.Set<AgreementRecord>().AsNoTracking().Where(a => a.TenancyRef == tenancyRef).ToListAsync(cancellationToken);
        return Results.Ok(new AgreementsResponse([.. records.OrderByDescending(a => a.Id).Select(a => ToAgreement(a, tenure.Balance, today))]));
    }

    private static async Task<IResult> CreateAsync(string tenancyRef, HttpContext context, CouncilDbContext database, Idempotency idempotency,
        WriteGate gate, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadAsync(context.Request);
        if (body is null)
        {
            return bodyError!;
        }

        body.Json["tenancyRef"] = tenancyRef;
        return await idempotency.ExecuteAsync(context, "agreements", body, async () =>
        {
            var (request, requestError) = body.As<CreateAgreementRequest>();
            if (request is null)
            {
                return (null, requestError);
            }

            var tenure = await database.Tenures.AsNoTracking().SingleOrDefaultAsync(t => t.PaymentReference == tenancyRef, cancellationToken);
            if (tenure is null)
            {
                return (null, ApiErrors.NotFound(context, $"Tenancy {tenancyRef}"));
            }

            var now = timeProvider.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            if (Problems(request, today) is { Count: > 0 } problems)
            {
                return (null, ApiErrors.Validation(problems));
            }

            if (tenure.Balance <= 0)
            {
                return (null, ApiErrors.Core(context, StatusCodes.Status422UnprocessableEntity, "The account is not in arrears, so there is nothing to arrange."));
            }

            using var _ = await gate.EnterAsync(cancellationToken);
            // A new arrangement replaces the one in place.
            foreach (var current in await database.Set<AgreementRecord>().Where(a => a.TenancyRef == tenancyRef && !a.Cancelled).ToListAsync(cancellationToken))
            {
                current.Cancelled = true;
            }

            var record = new AgreementRecord
            {
                TenancyRef = tenancyRef,
                AgreementType = request.AgreementType,
                StartingBalance = tenure.Balance,
                Amount = request.Amount,
                Frequency = request.Frequency,
                StartDate = request.StartDate,
                Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
                CreatedAt = now,
                CreatedBy = Actor.Of(context.User).Display,
            };
            database.Add(record);
            await database.SaveChangesAsync(cancellationToken);
            return (StoredResponse.Of(StatusCodes.Status201Created, ToAgreement(record, tenure.Balance, today)), null);
        });
    }

    private static Dictionary<string, string[]> Problems(CreateAgreementRequest request, DateOnly today)
    {
        var problems = new Dictionary<string, string[]>();
        if (request.AgreementType != "informal")
        {
            problems["agreement_type"] = ["Only informal agreements can be made here; court agreements are made by officers."];
        }

        if (request.Amount is < 1m or > 10_000m || decimal.Round(request.Amount, 2) != request.Amount)
        {
            problems["amount"] = ["amount must be between 1.00 and 10000.00, in pounds and pence."];
        }

        if (request.StartDate < today || request.StartDate > today.AddDays(MaxStartDays))
        {
            problems["start_date"] = [$"start_date must be between today and {MaxStartDays} days from now."];
        }

        if (request.Notes is { } notes && (notes.Length > MaxNotesLength || TextChecks.LooksLikeScript(notes)))
        {
            problems["notes"] = [$"notes must be plain text of {MaxNotesLength} characters or fewer (W42)."];
        }

        return problems;
    }

    /// <summary>
    /// Completed once the account is clear; breached when the arrears have come down by more than one instalment less
    /// than the instalments due so far; otherwise live.
    /// </summary>
    internal static AgreementState StateOf(AgreementRecord record, decimal balance, DateOnly today)
    {
        if (record.Cancelled)
        {
            return AgreementState.Cancelled;
        }

        if (balance <= 0)
        {
            return AgreementState.Completed;
        }

        var due = AgreementSchedule.InstalmentsDue(record.StartDate, record.Frequency, today);
        var paidOff = record.StartingBalance - balance;
        return due > 1 && paidOff < (due - 1) * record.Amount ? AgreementState.Breached : AgreementState.Live;
    }

    private static Agreement ToAgreement(AgreementRecord record, decimal balance, DateOnly today) => new(record.Id, record.TenancyRef,
        record.AgreementType, record.StartingBalance, record.Amount, record.Frequency, record.StartDate, StateOf(record, balance, today),
        record.CreatedAt, record.CreatedBy, record.Notes);
}
