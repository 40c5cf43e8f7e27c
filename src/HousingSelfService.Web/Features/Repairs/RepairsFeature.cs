using System.Security.Claims;
using HousingSelfService.Web.Features.Repairs.Outbox;
using HousingSelfService.Web.Features.Repairs.Report;
using HousingSelfService.Web.Infrastructure;
using HousingSelfService.Web.Infrastructure.Notifications;

namespace HousingSelfService.Web.Features.Repairs;

public static class RepairsFeature
{
    /// <summary>Repair details, the report journey with its saved drafts, and the outbox that sends reports the council could not take at once.</summary>
    public static IServiceCollection AddRepairsFeature(this IServiceCollection services)
    {
        services.AddScoped<RepairsService>();
        services.AddScoped<RepairReportService>();
        services.AddScoped<RepairSubmission>();
        services.AddScoped<Report.Photos.RepairPhotoService>();
        services.AddSingleton<TriageTrees>();
        services.AddSingleton<SubmissionLocks>();
        services.AddOptions<RepairOutboxOptions>().BindConfiguration(RepairOutboxOptions.SectionName);
        services.AddSingleton<OutboxClaim>();
        services.AddSingleton<RepairOutboxSender>();
        services.AddHostedService(provider => provider.GetRequiredService<RepairOutboxSender>());
        services.AddOptions<UnfinishedDraftOptions>().BindConfiguration(UnfinishedDraftOptions.SectionName);
        services.AddSingleton<UnfinishedDraftCleaner>();
        services.AddHostedService(provider => provider.GetRequiredService<UnfinishedDraftCleaner>());
        services.AddNotificationTemplate(RepairTemplates.Email);
        services.AddNotificationTemplate(RepairTemplates.Sms);
        return services;
    }

    /// <summary>
    /// Repair photos as plain image URLs. The repair must be at the signed-in resident's property (never one named in
    /// the URL), and the image must belong to that repair; anything else is "not found".
    /// </summary>
    public static IEndpointRouteBuilder MapRepairPhotos(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/repairs/{reference:int}/photos/{id:int}", async (int reference, int id, ClaimsPrincipal user, CurrentResident currentResident,
            RepairsService repairs, CancellationToken cancellationToken) =>
        {
            var link = (await currentResident.GetAsync(user, cancellationToken)).Link;
            var photo = link is null ? null : await repairs.GetPhotoAsync(link, reference, id, cancellationToken);
            return photo is null ? Results.NotFound() : Results.File(photo.Content, photo.ContentType);
        }).RequireAuthorization();
        return routes;
    }
}
