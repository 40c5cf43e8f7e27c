using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HousingSelfService.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the app database for the configured provider: a context factory for interactive components
    /// (short-lived contexts) and a scoped <see cref="HousingDbContext"/> for Identity's stores.
    /// </summary>
    public static IServiceCollection AddHousingData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // The Identity schema version shapes the model, so the data layer pins it: the migrations match it.
        services.Configure<IdentityOptions>(IdentityModelSettings.Apply);
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString("Housing")
                    ?? throw new InvalidOperationException("Database:Provider is Postgres, so set ConnectionStrings:Housing.");
                services.AddHousingContext<PostgresHousingDbContext>(db => db.UseNpgsql(postgres));
                break;
            default:
                var file = Path.Combine(options.ResolveDataFolder(contentRoot), "housing.db");
                services.AddHousingContext<SqliteHousingDbContext>(db => db.UseSqlite($"Data Source={file}"));
                break;
        }

        // Keys live in the app database, shared by every instance: sign-in cookies and anti-forgery tokens stay valid
        // on any instance and across restarts and deploys.
        services.AddDataProtection()
            .SetApplicationName("HousingSelfService")
            .PersistKeysToDbContext<HousingDbContext>();
        return services;
    }

    private static void AddHousingContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : HousingDbContext
    {
        services.AddDbContextFactory<TContext>(configure);
        services.AddScoped<HousingDbContext>(provider => provider.GetRequiredService<TContext>());
        services.AddSingleton<IDbContextFactory<HousingDbContext>>(provider =>
            new HousingDbContextFactory<TContext>(provider.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    private sealed class HousingDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<HousingDbContext>
        where TContext : HousingDbContext
    {
        public HousingDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>
/// Identity settings that shape the database model. Used by the app and by the design-time factories, so
/// migrations match what the app builds at run time.
/// </summary>
public static class IdentityModelSettings
{
    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }

    /// <summary>
    /// Services for a context built outside the app (design time, tests). Identity reads the schema version from the
    /// application service provider while building the model, and EF caches one model per context type in a
    /// process, so every context must be built with these settings or the cached model stops matching the migrations.
    /// </summary>
    public static IServiceProvider ModelServices() =>
        new ServiceCollection().AddOptions().Configure<IdentityOptions>(Apply).BuildServiceProvider();
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHousingDbContext>
{
    public SqliteHousingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHousingDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .UseApplicationServiceProvider(IdentityModelSettings.ModelServices())
            .Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHousingDbContext>
{
    public PostgresHousingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHousingDbContext>()
            .UseNpgsql("Host=localhost;Database=housing")
            .UseApplicationServiceProvider(IdentityModelSettings.ModelServices())
            .Options);
}
