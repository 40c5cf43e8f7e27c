using HousingSelfService.Web.Data;

namespace HousingSelfService.Web.Infrastructure.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>Registers the file sender, writing under the data folder unless configured otherwise.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(NotificationOptions.SectionName);
        services.Configure<NotificationOptions>(section);
        var options = section.Get<NotificationOptions>() ?? new NotificationOptions();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var folder = Path.Combine(database.ResolveDataFolder(contentRoot), options.Folder);
        services.AddSingleton(new NotificationFolder(folder));
        services.AddSingleton<INotificationSender, FileNotificationSender>();
        return services;
    }

    /// <summary>Adds a template the sender knows; each feature registers its own.</summary>
    public static IServiceCollection AddNotificationTemplate(this IServiceCollection services, NotificationTemplate template)
    {
        services.AddSingleton(template);
        return services;
    }
}
