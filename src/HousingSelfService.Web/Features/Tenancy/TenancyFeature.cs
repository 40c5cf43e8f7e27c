using System.Security.Claims;
using HousingSelfService.Web.Infrastructure;

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
        routes.MapGet("/tenancy/letters/{id}", async (string id, ClaimsPrincipal user, CurrentResident currentResident,
            TenancyService tenancy, CancellationToken cancellationToken) =>
        {
            // The resident's own tenancy (or, in assist mode, the assisted resident's), never one named in the URL.
            var link = (await currentResident.GetAsync(user, cancellationToken)).Link;
            var letter = link is null ? null : await tenancy.DownloadLetterAsync(link, id, cancellationToken);
            return letter is null ? Results.NotFound() : Results.File(letter.Content, letter.ContentType, letter.FileName);
        }).RequireAuthorization();
        return routes;
    }
}
