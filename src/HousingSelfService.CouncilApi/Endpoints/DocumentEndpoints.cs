using System.Text;
using HousingSelfService.CouncilApi.Client.Documents;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Documents;
using HousingSelfService.CouncilApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>Letters and documents about a tenure, <c>api/v1/documents</c> (the reference API's own contract).</summary>
public static class DocumentEndpoints
{
    public static void MapDocuments(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/documents", GetDocumentsAsync);
        routes.MapGet("/api/v1/documents/{id}/content", GetDocumentContentAsync);
    }

    private static async Task<IResult> GetDocumentsAsync(Guid? targetId, HttpContext context, CouncilDbContext database, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (targetId is not { } target)
        {
            return ApiErrors.Validation("targetId", "targetId is required.");
        }

        var letters = await LettersAsync(target, database, timeProvider, cancellationToken);
        return letters is null
            ? ApiErrors.NotFound(context, $"Tenure {target}")
            : Results.Ok(new DocumentsResponse([.. letters.Select(l => l.Summary)]));
    }

    private static async Task<IResult> GetDocumentContentAsync(string id, Guid? targetId, HttpContext context, CouncilDbContext database,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (targetId is not { } target)
        {
            return ApiErrors.Validation("targetId", "targetId is required.");
        }

        var letter = (await LettersAsync(target, database, timeProvider, cancellationToken))?.SingleOrDefault(l => l.Summary.Id == id);
        return letter is null
            ? ApiErrors.NotFound(context, $"Document {id} of tenure {target}")
            : Results.File(Encoding.UTF8.GetBytes(letter.Write()), Letters.ContentType, letter.Summary.FileName);
    }

    private static async Task<IReadOnlyList<Letters.Letter>?> LettersAsync(Guid tenureId, CouncilDbContext database, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var tenure = await database.Tenures.AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == tenureId, cancellationToken);
        if (tenure is null)
        {
            return null;
        }

        var asset = await database.Assets.AsNoTracking().SingleAsync(a => a.Id == tenure.AssetId, cancellationToken);
        var leadId = tenure.Members.OrderByDescending(m => m.IsResponsible).Select(m => m.PersonId).FirstOrDefault();
        var lead = await database.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == leadId, cancellationToken);
        var transactions = await database.Transactions.AsNoTracking().Where(t => t.TenureId == tenureId).ToListAsync(cancellationToken);
        return Letters.For(tenure, asset, lead, transactions, timeProvider.GetUtcNow().UtcDateTime);
    }
}
