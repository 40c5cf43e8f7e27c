using Microsoft.AspNetCore.Identity;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Home;
using HousingSelfService.Web.Features.Rent;
using HousingSelfService.Web.Features.Repairs;
using HousingSelfService.Web.Features.Tenancy;
using HousingSelfService.Web.Infrastructure;
using HousingSelfService.Web.Infrastructure.Notifications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HousingSelfService.Web.Tests.Infrastructure;

/// <summary>
/// Wires the app's real services into a bUnit context: council API clients against the reference API (optionally
/// with one family pointed at a closed port), an in-memory SQLite app database, and a signed-in user.
/// </summary>
public sealed class AppTestServices : IDisposable
{
    // A named in-memory database: each DbContext opens its own connection to it, as each does to the app's file, so
    // two components loading at once never share one connection (SQLite refused that under load: "active statements").
    // This connection only keeps the database alive for the test.
    private readonly string _connectionString = $"Data Source=hss-web-tests-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
    private readonly SqliteConnection _connection;
    private readonly DirectoryInfo _contentRoot = Directory.CreateTempSubdirectory("hss-web-tests-app-");

    public AppTestServices(BunitContext context, ReferenceApiFixture api, CouncilApiFamily? down = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(api);
        _connection = new SqliteConnection(_connectionString);
        _connection.Open();
        var settings = new Dictionary<string, string?>
        {
            ["CouncilApi:BaseAddress"] = api.BaseAddress.ToString(),
            ["CouncilApi:SigningKey"] = ReferenceApiFixture.SigningKey,
            ["CouncilApi:MaxRetryAttempts"] = "1",
            ["CouncilApi:RetryDelay"] = "00:00:00",
        };
        if (down is { } family)
        {
            settings[$"CouncilApi:{family}"] = ReferenceApiFixture.ClosedPort().ToString();
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = context.Services;
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddCouncilApiClients(configuration);
        services.Configure<IdentityOptions>(IdentityModelSettings.Apply);
        services.AddDbContextFactory<SqliteHousingDbContext>(db => db.UseSqlite(_connectionString));
        services.AddSingleton<IDbContextFactory<HousingDbContext>>(provider =>
            new Factory(provider.GetRequiredService<IDbContextFactory<SqliteHousingDbContext>>()));
        services.AddScoped<CurrentResident>();
        services.AddNotifications(configuration, _contentRoot.FullName);
        services.AddHomeFeature();
        services.AddRepairsFeature();
        services.AddTenancyFeature();
        services.AddRentFeature();

        using var database = new SqliteHousingDbContext(ContextOptions());
        database.Database.EnsureCreated();
        Authorization = context.AddAuthorization();
        Services = services;
    }

    public BunitAuthorizationContext Authorization { get; }

    private IServiceProvider Services { get; }

    private DbContextOptions<SqliteHousingDbContext> ContextOptions() => new DbContextOptionsBuilder<SqliteHousingDbContext>()
        .UseSqlite(_connectionString)
        .UseApplicationServiceProvider(IdentityModelSettings.ModelServices())
        .Options;

    /// <summary>Signs in a resident linked to <paramref name="household"/> (or not linked, when null).</summary>
    public string SignInResident(DemoHousehold? household, string email = "resident@example.test")
    {
        var userId = Guid.NewGuid().ToString();
        using var database = new SqliteHousingDbContext(ContextOptions());
        database.Users.Add(new HousingUser { Id = userId, UserName = email, Email = email, EmailConfirmed = true });
        if (household is not null)
        {
            database.TenancyLinks.Add(new TenancyLink
            {
                UserId = userId,
                PersonId = household.PersonId,
                TenureId = household.TenureId,
                PaymentReference = household.PaymentReference,
                PropertyReference = household.PropertyReference,
                LinkedAt = DateTime.UtcNow,
                LinkedHow = TenancyLinkMethod.Demo,
                LinkedBy = "test",
            });
        }

        database.SaveChanges();
        Authorization.SetAuthorized(email);
        Authorization.SetRoles(AppRoles.Resident);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        return userId;
    }

    public void SignInOfficer()
    {
        Authorization.SetAuthorized("officer@example.test");
        Authorization.SetRoles(AppRoles.Officer);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()));
    }

    /// <summary>The emails and texts the app "sent" (the file sender's folder).</summary>
    public NotificationFolder Notifications => Services.GetRequiredService<NotificationFolder>();

    public void Dispose()
    {
        _connection.Dispose();
        try
        {
            _contentRoot.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does no harm.
        }
    }

    private sealed class Factory(IDbContextFactory<SqliteHousingDbContext> inner) : IDbContextFactory<HousingDbContext>
    {
        public HousingDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
