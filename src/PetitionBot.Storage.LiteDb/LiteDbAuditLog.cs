using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

public sealed class LiteDbAuditLog(LiteDbContext db) : IAuditLog
{
    public Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        var doc = new AuditDoc
        {
            Action = entry.Action,
            ActionKey = entry.Action + "|" + (entry.Workspace?.Key ?? ""),
            Platform = entry.Workspace is null ? null : (int)entry.Workspace.Platform,
            WorkspaceId = entry.Workspace?.WorkspaceId,
            ActorHash = db.Keys.Hash(entry.ActorKey),
            Detail = entry.Detail,
            AtTicks = entry.At.UtcTicks,
        };
        db.Write(() => db.Audit.Insert(doc));
        return Task.CompletedTask;
    }

    public Task<int> CountSinceAsync(string action, WorkspaceRef workspace, DateTimeOffset since, CancellationToken ct = default)
    {
        var key = action + "|" + workspace.Key;
        var ticks = since.UtcTicks;
        return Task.FromResult(db.Audit.Find(a => a.ActionKey == key).Count(a => a.AtTicks >= ticks));
    }

    public Task<IReadOnlyList<DateTimeOffset>> TimesSinceAsync(string action, WorkspaceRef workspace, DateTimeOffset since, CancellationToken ct = default)
    {
        var key = action + "|" + workspace.Key;
        var ticks = since.UtcTicks;
        IReadOnlyList<DateTimeOffset> times = db.Audit.Find(a => a.ActionKey == key).Where(a => a.AtTicks >= ticks)
            .Select(a => new DateTimeOffset(a.AtTicks, TimeSpan.Zero)).Order().ToList();
        return Task.FromResult(times);
    }

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int max, CancellationToken ct = default)
    {
        IReadOnlyList<AuditEntry> entries = db.Audit.Query().OrderByDescending(a => a.Id).Limit(max).ToList()
            .Select(a => new AuditEntry(
                a.Action,
                a.Platform is { } p ? new WorkspaceRef((PlatformKind)p, a.WorkspaceId ?? "") : null,
                a.ActorHash,
                a.Detail,
                new DateTimeOffset(a.AtTicks, TimeSpan.Zero)))
            .ToList();
        return Task.FromResult(entries);
    }
}
