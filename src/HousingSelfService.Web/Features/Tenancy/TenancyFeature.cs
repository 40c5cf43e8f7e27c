using HousingSelfService.Web.Data;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace HousingSelfService.Web.Features.Tenancy;

public static class TenancyFeature
{
    /// <summary>My tenancy, household, contact details, preferred name, requests, and letters.</summary>
    public static IServiceCollection AddTenancyFeature(this IServiceCollection services)
    {
        services.AddScoped<TenancyService>();
        return services;
    }

    /// <summary>
    /// Letter downloads: a plain HTTP endpoint, so a download works as an ordinary link. The tenancy comes from the
    /// signed-in user's link; a letter id of another household is not found.
    /// </summary>
    public static IEndpointRouteBuilder MapTenancyDownloads(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/tenancy/letters/{id}", async (string id, ClaimsPrincipal user, IDbContextFactory<HousingDbContext> databases,
            TenancyService tenancy, CancellationToken cancellationToken) =>
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            await using var database = await databases.CreateDbContextAsync(cancellationToken);
            var link = await database.TenancyLinks.AsNoTracking().SingleOrDefaultAsync(l => l.UserId == userId && l.IsActive, cancellationToken);
            var letter = link is null ? null : await tenancy.DownloadLetterAsync(link, id, cancellationToken);
            return letter is null ? Results.NotFound() : Results.File(letter.Content, letter.ContentType, letter.FileName);
        }).RequireAuthorization();
        return routes;
    }
}
