using HousingSelfService.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HousingSelfService.Web.Infrastructure;

/// <summary>
/// Runs before the app takes requests: applies the app database's migrations, makes sure the roles exist, and
/// (when demo sign-ins are on) seeds the demo accounts and prints them. On PostgreSQL several instances may start
/// at once on a fresh database, so all of this runs under one advisory lock: the first instance migrates and
/// seeds, the others wait for it and then find everything there.
/// </summary>
public sealed class HousingInitialiser(
    IServiceScopeFactory scopes,
    IOptions<DemoOptions> demo,
    TimeProvider time,
    ILogger<HousingInitialiser> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var database = services.GetRequiredService<HousingDbContext>();
        await using var exclusive = await StartupLock.AcquireAsync(database, logger, cancellationToken).ConfigureAwait(false);
        await database.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false), $"create role {role}");
            }
        }

        if (demo.Value.SeedAccounts)
        {
            await SeedDemoAccountsAsync(database, services.GetRequiredService<UserManager<HousingUser>>(),
                (IUserAuthenticatorKeyStore<HousingUser>)services.GetRequiredService<IUserStore<HousingUser>>(), cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"""

                Demo sign-ins (demo data only; every account uses the same password):

                {DemoSignIns.MarkdownTable()}
                The demo officer signs in with two-step verification: add the key {DemoSignIns.OfficerAuthenticatorKey}
                to an authenticator app (time-based, 6 digits, 30 seconds).
                """).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedDemoAccountsAsync(HousingDbContext database, UserManager<HousingUser> users,
        IUserAuthenticatorKeyStore<HousingUser> authenticatorKeys, CancellationToken cancellationToken)
    {
        foreach (var signIn in DemoSignIns.All)
        {
            var user = await users.FindByEmailAsync(signIn.Email).ConfigureAwait(false);
            if (user is null)
            {
                user = new HousingUser
                {
                    UserName = signIn.Email,
                    Email = signIn.Email,
                    EmailConfirmed = true,
                    DisplayName = signIn.Household is { } h ? $"{h.FirstName} {h.Surname}" : "Demo Officer",
                };
                Check(await users.CreateAsync(user, DemoSignIns.Password).ConfigureAwait(false), $"create {signIn.Email}");
                Check(await users.AddToRoleAsync(user, signIn.Role).ConfigureAwait(false), $"add {signIn.Email} to {signIn.Role}");
                logger.LogInformation("Seeded demo sign-in {Email}.", signIn.Email);
            }

            if (signIn.Role == AppRoles.Officer && !await users.GetTwoFactorEnabledAsync(user).ConfigureAwait(false))
            {
                await SetDemoAuthenticatorAsync(users, authenticatorKeys, user, cancellationToken).ConfigureAwait(false);
            }

            if (signIn.Household is { } household
                && !await database.TenancyLinks.AnyAsync(l => l.UserId == user.Id && l.IsActive, cancellationToken).ConfigureAwait(false))
            {
                database.TenancyLinks.Add(new TenancyLink
                {
                    UserId = user.Id,
                    PersonId = household.PersonId,
                    TenureId = household.TenureId,
                    PaymentReference = household.PaymentReference,
                    PropertyReference = household.PropertyReference,
                    LinkedAt = time.GetUtcNow().UtcDateTime,
                    LinkedHow = TenancyLinkMethod.Demo,
                    LinkedBy = "demo-seed",
                });
                await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Officers must use two-step verification; the demo officer's key is fixed and documented.</summary>
    private static async Task SetDemoAuthenticatorAsync(UserManager<HousingUser> users, IUserAuthenticatorKeyStore<HousingUser> authenticatorKeys,
        HousingUser user, CancellationToken cancellationToken)
    {
        await authenticatorKeys.SetAuthenticatorKeyAsync(user, DemoSignIns.OfficerAuthenticatorKey, cancellationToken).ConfigureAwait(false);
        Check(await users.UpdateAsync(user).ConfigureAwait(false), $"set the authenticator key of {user.Email}");
        Check(await users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false), $"turn on two-step verification for {user.Email}");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>
/// A PostgreSQL session advisory lock, held on its own connection for as long as start-up takes and released when
/// that connection closes (also when the instance dies). SQLite is one instance's file, so there is nothing to lock.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    /// <summary>Any fixed number that no other code locks on: "HSS-INIT" as bytes.</summary>
    private const long Key = 0x4853_532D_494E_4954;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(HousingDbContext database, ILogger logger, CancellationToken cancellationToken)
    {
        if (!database.Database.IsNpgsql())
        {
            return new StartupLock(null);
        }

        // The lock lives in the app's database, so that must exist first (the first start on a new server makes it).
        var creator = database.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance made it a moment ago.
            }
        }

        // Unpooled: a pooled connection would keep its session, and the lock, after it is closed.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            logger.LogInformation("Waiting for the start-up lock (another instance may be migrating or seeding the database).");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
