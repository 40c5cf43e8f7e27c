using HousingSelfService.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HousingSelfService.Web.Tests.Data;

public sealed class HousingDbContextTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hss-web-db-" + Guid.NewGuid().ToString("N"));

    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddHousingData(configuration, _folder).BuildServiceProvider();
    }

    [Fact]
    public async Task Sqlite_is_the_default_and_its_migrations_build_the_database_in_the_data_folder()
    {
        await using var services = Services();
        await using var database = await services.GetRequiredService<IDbContextFactory<HousingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

        database.ShouldBeOfType<SqliteHousingDbContext>();
        await database.Database.MigrateAsync(TestContext.Current.CancellationToken);

        File.Exists(Path.Combine(_folder, "App_Data", "housing.db")).ShouldBeTrue();
        (await database.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        database.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public async Task A_context_built_without_the_identity_settings_leaves_the_apps_model_alone()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var bare = new SqliteHousingDbContext(new DbContextOptionsBuilder<SqliteHousingDbContext>().UseSqlite(connection).Options))
        {
            // Identity's default schema (version 1) has no passkeys table; this model must be cached on its own.
            bare.Model.FindEntityType(typeof(IdentityUserPasskey<string>)).ShouldBeNull();
        }

        await using var services = Services();
        await using var database = await services.GetRequiredService<IDbContextFactory<HousingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

        database.Model.FindEntityType(typeof(IdentityUserPasskey<string>)).ShouldNotBeNull();
        await database.Database.MigrateAsync(TestContext.Current.CancellationToken);
        database.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public async Task A_user_can_have_only_one_active_tenancy_link_but_keeps_ended_ones()
    {
        await using var services = Services();
        await using var database = await services.GetRequiredService<IDbContextFactory<HousingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        await database.Database.MigrateAsync(TestContext.Current.CancellationToken);
        database.Users.Add(new HousingUser { Id = "user-1", UserName = "a@example.test" });
        database.TenancyLinks.Add(Link("user-1", isActive: false));
        database.TenancyLinks.Add(Link("user-1", isActive: true));
        await database.SaveChangesAsync(TestContext.Current.CancellationToken);

        database.TenancyLinks.Add(Link("user-1", isActive: true));

        await Should.ThrowAsync<DbUpdateException>(() => database.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Postgres_is_chosen_by_one_setting_and_has_its_own_migrations()
    {
        await using var services = Services(("Database:Provider", "Postgres"), ("ConnectionStrings:Housing", "Host=localhost;Database=housing"));
        await using var database = await services.GetRequiredService<IDbContextFactory<HousingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

        database.ShouldBeOfType<PostgresHousingDbContext>();
        database.Database.ProviderName.ShouldBe("Npgsql.EntityFrameworkCore.PostgreSQL");
        var migrations = database.Database.GetMigrations().ToList();
        migrations.ShouldNotBeEmpty();
        database.Database.HasPendingModelChanges().ShouldBeFalse();
        services.GetRequiredService<HousingDbContext>().ShouldBeOfType<PostgresHousingDbContext>();
    }

    [Fact]
    public void Postgres_without_a_connection_string_fails_with_a_plain_message()
    {
        var error = Should.Throw<InvalidOperationException>(() => Services(("Database:Provider", "Postgres")));

        error.Message.ShouldContain("ConnectionStrings:Housing");
    }

    private static TenancyLink Link(string userId, bool isActive) => new()
    {
        UserId = userId,
        PersonId = Guid.NewGuid(),
        TenureId = Guid.NewGuid(),
        PaymentReference = "2200000001",
        PropertyReference = "00012345",
        LinkedAt = DateTime.UtcNow,
        LinkedHow = TenancyLinkMethod.Officer,
        LinkedBy = "officer-1",
        IsActive = isActive,
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
