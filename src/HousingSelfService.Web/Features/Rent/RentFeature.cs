using HousingSelfService.Web.Features.Rent.Arrangements;
using HousingSelfService.Web.Features.Rent.DirectDebits;
using HousingSelfService.Web.Features.Rent.Payments;
using HousingSelfService.Web.Features.Rent.Statements;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Rent;

public static class RentFeature
{
    /// <summary>Rent: balance explained, statements (on screen, CSV, PDF), a 12-month chart, paying by card, Direct Debit and payment arrangements.</summary>
    public static IServiceCollection AddRentFeature(this IServiceCollection services)
    {
        services.AddScoped<RentService>();
        services.AddScoped<RentPaymentService>();
        services.AddScoped<DirectDebitService>();
        services.AddScoped<ArrangementService>();
        return services;
    }

    /// <summary>Statement downloads are plain HTTP responses, so they work as ordinary links, with or without a live connection.</summary>
    public static IEndpointRouteBuilder MapRentFeature(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/rent/statement/download", DownloadStatementAsync).RequireAuthorization();
        return routes;
    }

    private static async Task<IResult> DownloadStatementAsync(string? format, string? period, string? from, string? to, HttpContext context,
        CurrentResident currentResident, RentService rent, TimeProvider time, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "pdf"))
        {
            return Results.NotFound();
        }

        var (start, end, errors) = StatementPeriods.Resolve(period, from, to, UkFormat.Today(time));
        if (errors.Count > 0)
        {
            return Results.BadRequest(string.Join(". ", errors.Select(e => e.Message)));
        }

        var viewer = await currentResident.GetAsync(context.User, cancellationToken);
        if (viewer is not { Kind: ViewerKind.Resident, Link: { } link })
        {
            return Results.NotFound();
        }

        var rows = await rent.GetAllRowsAsync(link, start, end, cancellationToken);
        if (rows.Value is not { } found)
        {
            return Results.Text("We can't make your statement right now. Try again later.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var header = new StatementHeader(link.PaymentReference, start, end, UkFormat.Now(time));
        return format == "csv"
            ? Results.File(StatementDocuments.Csv(header, found), "text/csv; charset=utf-8", StatementDocuments.FileName(header, "csv"))
            : Results.File(StatementDocuments.Pdf(header, found), "application/pdf", StatementDocuments.FileName(header, "pdf"));
    }
}
