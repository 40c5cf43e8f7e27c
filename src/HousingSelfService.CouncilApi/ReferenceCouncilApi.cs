using System.Text;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Demo;
using HousingSelfService.CouncilApi.Endpoints;
using HousingSelfService.CouncilApi.Infrastructure;
using HousingSelfService.CouncilApi.Repairs;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace HousingSelfService.CouncilApi;

/// <summary>Hosts the reference council API: every family on one host, over its own SQLite database.</summary>
public static class ReferenceCouncilApi
{
    private const int MinimumSigningKeyLength = 32;

    /// <summary>Builds the API, applies migrations, seeds demo data into an empty database and starts listening.</summary>
    public static async Task<RunningCouncilApi> StartAsync(ReferenceCouncilApiSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.SigningKey is not { Length: >= MinimumSigningKeyLength })
        {
            throw new ArgumentException($"The signing key must be at least {MinimumSigningKeyLength} characters.", nameof(settings));
        }

        var app = Build(settings);
        try
        {
            await PrepareDatabaseAsync(app, settings, cancellationToken).ConfigureAwait(false);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningCouncilApi(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    private static async Task PrepareDatabaseAsync(WebApplication app, ReferenceCouncilApiSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<CouncilDbContext>();
        await database.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (database.Database.IsSqlite())
        {
            // WAL lets readers carry on while a write is committing.
            await database.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        if (settings.SeedDemoData)
        {
            await DemoSeeder.SeedIfEmptyAsync(database, app.Services.GetRequiredService<TriageCatalogue>(), settings.TimeProvider, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static WebApplication Build(ReferenceCouncilApiSettings settings)
    {
        // The slim builder reads no appsettings.json, so a host app's settings never leak into this API.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ReferenceCouncilApi).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Settings come only from ReferenceCouncilApiSettings: a host app's environment (Kestrel__Endpoints, Logging__…)
        // must not reconfigure this API when both run in one process.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // A duplicate Idempotency-Key is detected by its insert failing; that is expected, not an error to log.
        // Real failures still surface through the exception handler's log.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.Critical);

        var services = builder.Services;
        services.AddSingleton(settings.TimeProvider);
        services.ConfigureHttpJsonOptions(options => CouncilApiJson.Configure(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        AddDatabase(services, settings);
        services.AddSingleton<Idempotency>();
        services.AddSingleton(TriageCatalogue.Load());
        services.AddSingleton<AppointmentSlots>();
        services.AddSingleton<WriteGate>();
        // Nothing here protects cookies or anti-forgery tokens, so keys need not be persisted anywhere.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        AddTokenAuthentication(services, settings);

        var app = builder.Build();
        app.UseCorrelationId();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteUnhandledErrorAsync });
        app.UseInjectedLatency(settings.InjectedLatency, settings.TimeProvider);
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/api/v1/healthcheck/ping", () => Results.Ok(new { status = "healthy" })).AllowAnonymous();
        app.MapTenures();
        app.MapPersons();
        app.MapContactDetails();
        app.MapAssets();
        app.MapRepairs();
        app.MapWorkOrderImages();
        app.MapFinance();
        app.MapSearch();
        app.MapProcesses();
        app.MapDocuments();
        app.MapPayments();
        app.MapDirectDebits();
        app.MapAgreements();
        app.MapFallback((HttpContext context) => ApiErrors.ForFamily(context, StatusCodes.Status404NotFound,
            $"There is no resource at {context.Request.Method} {context.Request.Path}."));
        return app;
    }

    private static void AddTokenAuthentication(IServiceCollection services, ReferenceCouncilApiSettings settings)
    {
        var allowedGroups = settings.AllowedGroups.ToHashSet(StringComparer.Ordinal);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey)),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidateIssuer = false,
                ValidateAudience = false,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = "name",
                LifetimeValidator = (notBefore, expires, _, parameters) => IsCurrent(notBefore, expires, parameters, settings.TimeProvider),
            };
            options.Events = new JwtBearerEvents
            {
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    var message = context.AuthenticateFailure is null
                        ? "A bearer token is required."
                        : "The bearer token is not valid: it is malformed, badly signed or expired.";
                    await ApiErrors.WriteForFamilyAsync(context.HttpContext, StatusCodes.Status401Unauthorized, message).ConfigureAwait(false);
                },
                OnForbidden = context => ApiErrors.WriteForFamilyAsync(context.HttpContext, StatusCodes.Status403Forbidden,
                    "The token's groups do not include one this API allows."),
            };
        });
        // Every endpoint needs a valid token in an allowed group unless it opts out (the health check).
        var allowedGroup = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.FindAll("groups").Any(claim => allowedGroups.Contains(claim.Value)))
            .Build();
        services.AddAuthorizationBuilder().SetDefaultPolicy(allowedGroup).SetFallbackPolicy(allowedGroup);
    }

    /// <summary>Lifetime checked against the configured clock, so tests with a fake clock agree with the API.</summary>
    private static bool IsCurrent(DateTime? notBefore, DateTime? expires, TokenValidationParameters parameters, TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } expiry && now <= expiry + parameters.ClockSkew
            && (notBefore is not { } start || now >= start - parameters.ClockSkew);
    }

    private static async Task WriteUnhandledErrorAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, message) = error is BadHttpRequestException badRequest
            ? (badRequest.StatusCode, badRequest.Message)
            : (StatusCodes.Status500InternalServerError, "Something went wrong in the council API; the error has been logged.");
        await ApiErrors.WriteForFamilyAsync(context, status, message).ConfigureAwait(false);
    }

    private static void AddDatabase(IServiceCollection services, ReferenceCouncilApiSettings settings)
    {
        if (settings.DatabaseProvider == CouncilDatabaseProvider.Postgres)
        {
            // Endpoints ask for CouncilDbContext; the PostgreSQL flavour stands in for it.
            services.AddDbContextFactory<PostgresCouncilDbContext>(options => options.UseNpgsql(settings.ConnectionString));
            services.AddScoped<CouncilDbContext>(provider => provider.GetRequiredService<PostgresCouncilDbContext>());
            services.AddSingleton<IDbContextFactory<CouncilDbContext>>(provider =>
                new PostgresFactory(provider.GetRequiredService<IDbContextFactory<PostgresCouncilDbContext>>()));
        }
        else
        {
            services.AddDbContextFactory<CouncilDbContext>(options => options.UseSqlite(PrepareConnectionString(settings.ConnectionString)));
        }
    }

    private sealed class PostgresFactory(IDbContextFactory<PostgresCouncilDbContext> inner) : IDbContextFactory<CouncilDbContext>
    {
        public CouncilDbContext CreateDbContext() => inner.CreateDbContext();
    }

    /// <summary>Creates the folder of a SQLite file, so a fresh checkout's <c>App_Data/</c> need not exist.</summary>
    private static string PrepareConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:"
            && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}

/// <summary>A started reference API: its real address, the app, and how to stop it.</summary>
public sealed class RunningCouncilApi : IAsyncDisposable
{
    internal RunningCouncilApi(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The address actually bound, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public WebApplication App { get; }

    public Task StopAsync(CancellationToken cancellationToken = default) => App.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}
