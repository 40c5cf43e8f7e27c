using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HousingSelfService.CouncilApi.Data;

/// <summary>
/// The reference API's database. This type is the SQLite flavour (the default; migrations in <c>Data/Migrations</c>);
/// <see cref="PostgresCouncilDbContext"/> is the PostgreSQL flavour with its own migrations.
/// </summary>
public class CouncilDbContext : DbContext
{
    public CouncilDbContext(DbContextOptions<CouncilDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider-flavoured derived context, which needs options of its own type.</summary>
    protected CouncilDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<AssetRecord> Assets => Set<AssetRecord>();
    public DbSet<AlertRecord> Alerts => Set<AlertRecord>();
    public DbSet<PersonRecord> Persons => Set<PersonRecord>();
    public DbSet<TenureRecord> Tenures => Set<TenureRecord>();
    public DbSet<TenureMemberRecord> TenureMembers => Set<TenureMemberRecord>();
    public DbSet<ContactDetailRecord> ContactDetails => Set<ContactDetailRecord>();
    public DbSet<WorkOrderRecord> WorkOrders => Set<WorkOrderRecord>();
    public DbSet<WorkOrderNoteRecord> WorkOrderNotes => Set<WorkOrderNoteRecord>();
    public DbSet<TransactionRecord> Transactions => Set<TransactionRecord>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<Processes.ProcessRecord> Processes => Set<Processes.ProcessRecord>();
    public DbSet<Payments.PaymentRecord> Payments => Set<Payments.PaymentRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every time is UTC; SQLite keeps no kind, so restore it on read and JSON shows the 'Z'.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AssetRecord>(asset =>
        {
            asset.HasIndex(a => a.PropertyReference).IsUnique();
            asset.Property(a => a.AssetType).HasConversion<string>();
            asset.Property(a => a.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<AlertRecord>(alert =>
        {
            alert.HasIndex(a => a.PropertyReference);
            alert.HasIndex(a => a.PersonId);
        });
        modelBuilder.Entity<PersonRecord>().Property(p => p.Version).IsConcurrencyToken();
        modelBuilder.Entity<TenureRecord>(tenure =>
        {
            tenure.HasIndex(t => t.PaymentReference).IsUnique();
            tenure.HasIndex(t => t.AssetId);
            tenure.Property(t => t.Version).IsConcurrencyToken();
            tenure.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TenureId);
        });
        modelBuilder.Entity<TenureMemberRecord>(member =>
        {
            member.HasIndex(m => new { m.TenureId, m.PersonId }).IsUnique();
            member.HasIndex(m => m.PersonId);
            member.Property(m => m.Type).HasConversion<string>();
            member.Property(m => m.PersonTenureType).HasConversion<string>();
        });
        modelBuilder.Entity<ContactDetailRecord>(contact =>
        {
            contact.HasIndex(c => c.TargetId);
            contact.Property(c => c.TargetType).HasConversion<string>();
            contact.Property(c => c.ContactType).HasConversion<string>();
            contact.Property(c => c.SubType).HasConversion<string>();
            contact.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<WorkOrderRecord>(workOrder =>
        {
            workOrder.HasKey(w => w.Reference);
            workOrder.HasIndex(w => w.PropertyReference);
            workOrder.HasIndex(w => new { w.AppointmentDate, w.AppointmentDayId });
            workOrder.HasMany(w => w.Notes).WithOne().HasForeignKey(n => n.WorkOrderReference);
        });
        modelBuilder.Entity<TransactionRecord>(transaction =>
        {
            transaction.HasIndex(t => new { t.TenureId, t.TransactionDate });
            transaction.Property(t => t.TransactionType).HasConversion<string>();
        });
        modelBuilder.Entity<IdempotencyRecord>(key =>
        {
            // The primary key is what makes a second in-flight request with the same key fail to insert.
            key.HasKey(k => new { k.Scope, k.Key });
            key.Property(k => k.State).HasConversion<string>();
        });

        // Newer families' tables are configured beside their endpoints.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CouncilDbContext).Assembly);
    }

    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>The PostgreSQL flavour; migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresCouncilDbContext(DbContextOptions<PostgresCouncilDbContext> options) : CouncilDbContext(options);
