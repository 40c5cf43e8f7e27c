using HousingSelfService.Web.Features.Repairs.Outbox;
using HousingSelfService.Web.Features.Repairs.Report;
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
        services.AddSingleton<RepairOutboxSender>();
        services.AddHostedService(provider => provider.GetRequiredService<RepairOutboxSender>());
        services.AddNotificationTemplate(RepairTemplates.Email);
        services.AddNotificationTemplate(RepairTemplates.Sms);
        return services;
    }
}
