using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HousingSelfService.Web.Data;

/// <summary>
/// The app's own database: Identity plus the app's tables. Each database provider has a thin derived context
/// (<see cref="SqliteHousingDbContext"/>, <see cref="PostgresHousingDbContext"/>) with its own migrations;
/// the rest of the app only ever sees this type. It also holds the data-protection key ring, so every instance
/// of the app shares one set of keys (a cookie issued by one instance is valid on another and after a restart).
/// </summary>
public abstract class HousingDbContext(DbContextOptions options) : IdentityDbContext<HousingUser>(options), IDataProtectionKeyContext
{
    public DbSet<TenancyLink> TenancyLinks => Set<TenancyLink>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, IdentitySchemaModelCacheKeyFactory>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<TenancyLink>(link =>
        {
            link.ToTable("TenancyLinks");
            link.HasKey(l => l.Id);
            link.Property(l => l.UserId).HasMaxLength(450);
            link.Property(l => l.PaymentReference).HasMaxLength(20);
            link.Property(l => l.PropertyReference).HasMaxLength(20);
            link.Property(l => l.LinkedBy).HasMaxLength(256);
            link.Property(l => l.LinkedHow).HasConversion<string>().HasMaxLength(20);
            link.HasOne(l => l.User).WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
            // One active link per user; ended links stay for the record. The filter reads as true in both SQLite and PostgreSQL.
            link.HasIndex(l => l.UserId).IsUnique().HasFilter("\"IsActive\"").HasDatabaseName("IX_TenancyLinks_ActiveUser");
            link.HasIndex(l => l.TenureId);
        });

        // Feature tables (drafts, outbox, audit, ...) are configured beside their features.
        builder.ApplyConfigurationsFromAssembly(typeof(HousingDbContext).Assembly);
    }
}

/// <summary>The SQLite flavour (default); migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteHousingDbContext(DbContextOptions<SqliteHousingDbContext> options) : HousingDbContext(options);

/// <summary>The PostgreSQL flavour; migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresHousingDbContext(DbContextOptions<PostgresHousingDbContext> options) : HousingDbContext(options);
