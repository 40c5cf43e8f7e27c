using HousingSelfService.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HousingSelfService.Web.Features.Repairs.Outbox;

/// <summary>The columns an outbox table needs for <see cref="OutboxClaim"/> to hand its rows to one sender at a time.</summary>
public interface IOutboxRow
{
    Guid Id { get; }
    DateTime CreatedAt { get; }
    int Attempts { get; }
    string? LeaseOwner { get; }
    DateTime? LeaseUntil { get; }
    DateTime? NextAttemptAt { get; }
    DateTime? DeliveredAt { get; }
}

/// <summary>
/// Claims due outbox rows for one sender, so that with several app instances each row goes to one of them. One
/// UPDATE sets the lease on the oldest due rows and returns their ids. On PostgreSQL the rows are picked with
/// <c>FOR UPDATE SKIP LOCKED</c>: a row another instance is claiming at that moment is skipped, not waited for or
/// claimed twice, and the lease then keeps it during delivery (no transaction stays open across the HTTP calls),
/// and lets another instance take it over when the claimer crashed. SQLite has one writer at a time, so the same
/// UPDATE is atomic there without row locks.
/// </summary>
public sealed class OutboxClaim(TimeProvider time)
{
    public async Task<IReadOnlyList<Guid>> ClaimDueAsync<TRow>(HousingDbContext database, string owner, TimeSpan lease, int limit,
        CancellationToken cancellationToken)
        where TRow : class, IOutboxRow
    {
        ArgumentNullException.ThrowIfNull(database);
        var now = time.GetUtcNow().UtcDateTime;
        var rows = database.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(rows.GetTableName()!, rows.GetSchema());
        var sql = database.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(rows.FindProperty(property)!.GetColumnName(table)!);
        var (id, attempts) = (Column(nameof(IOutboxRow.Id)), Column(nameof(IOutboxRow.Attempts)));
        var (leaseOwner, leaseUntil) = (Column(nameof(IOutboxRow.LeaseOwner)), Column(nameof(IOutboxRow.LeaseUntil)));
        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        var skipLocked = database.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        // {0} now, {1} owner, {2} lease end, {3} how many.
        var claim = $$"""
            UPDATE {{name}} SET {{leaseOwner}} = {1}, {{leaseUntil}} = {2}, {{attempts}} = {{attempts}} + 1
            WHERE {{id}} IN (
                SELECT {{id}} FROM {{name}}
                WHERE {{Column(nameof(IOutboxRow.DeliveredAt))}} IS NULL
                  AND ({{Column(nameof(IOutboxRow.NextAttemptAt))}} IS NULL OR {{Column(nameof(IOutboxRow.NextAttemptAt))}} <= {0})
                  AND ({{leaseUntil}} IS NULL OR {{leaseUntil}} < {0})
                ORDER BY {{Column(nameof(IOutboxRow.CreatedAt))}}
                LIMIT {3}
                {{skipLocked}})
            RETURNING {{id}} AS "Value"
            """;
        return await database.Database.SqlQueryRaw<Guid>(claim, now, owner, now + lease, limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
