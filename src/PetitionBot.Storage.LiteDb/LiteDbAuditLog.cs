using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;
using PetitionBot.Core.Ports;

namespace PetitionBot.Storage.LiteDb;

/// <summary>The audit log. The actor is kept as a keyed hash under the audit actors' own key, so it matches no signature,
/// draft or email hash of the same person.</summary>
public sealed class LiteDbAuditLog(LiteDbContext db) : IAuditLog
{
    public Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        var doc = new AuditDoc
        {
            Action = entry.Action,
            ActionKey = entry.Action + "|" + (entry.Server?.Key ?? ""),
            Platform = entry.Server is null ? null : (int)entry.Server.Platform,
            WorkspaceId = entry.Server?.ServerId,
            ActorHash = db.Keys.HashAuditActor(entry.ActorKey),
            Detail = entry.Detail,
            AtTicks = entry.At.UtcTicks,
        };
        return db.WriteAsync(() => db.Audit.Insert(doc));
    }

    public Task<int> CountSinceAsync(string action, ServerRef server, DateTimeOffset since, CancellationToken ct = default)
    {
        var key = action + "|" + server.Key;
        var ticks = since.UtcTicks;
        return Task.FromResult(db.Audit.Find(a => a.ActionKey == key).Count(a => a.AtTicks >= ticks));
    }

    public Task<IReadOnlyList<DateTimeOffset>> TimesSinceAsync(string action, ServerRef server, DateTimeOffset since, CancellationToken ct = default)
    {
        var key = action + "|" + server.Key;
        var ticks = since.UtcTicks;
        IReadOnlyList<DateTimeOffset> times = db.Audit.Find(a => a.ActionKey == key).Where(a => a.AtTicks >= ticks)
            .Select(a => new DateTimeOffset(a.AtTicks, TimeSpan.Zero)).Order().ToList();
        return Task.FromResult(times);
    }

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int max, CancellationToken ct = default)
    {
        IReadOnlyList<AuditEntry> entries = db.Audit.Query().OrderByDescending(a => a.Id).Limit(max).ToList()
            .Select(ToEntry).ToList();
        return Task.FromResult(entries);
    }

    public Task<IReadOnlyList<AuditEntry>> FindByActorAsync(string actorKey, CancellationToken ct = default)
    {
        var hash = db.Keys.HashAuditActor(actorKey);
        IReadOnlyList<AuditEntry> entries = db.Audit.Find(a => a.ActorHash == hash).OrderBy(a => a.Id).Select(ToEntry).ToList();
        return Task.FromResult(entries);
    }

    public Task<int> ForgetActorAsync(string actorKey, CancellationToken ct = default)
    {
        var hash = db.Keys.HashAuditActor(actorKey);
        return db.WriteAsync(() =>
        {
            var mine = db.Audit.Find(a => a.ActorHash == hash).ToList();
            foreach (var doc in mine)
            {
                doc.ActorHash = null;
                db.Audit.Update(doc);
            }

            return mine.Count;
        });
    }

    private static AuditEntry ToEntry(AuditDoc a) => new(
        a.Action,
        a.Platform is { } p ? new ServerRef((PlatformKind)p, a.WorkspaceId ?? "") : null,
        a.ActorHash ?? "",
        a.Detail,
        new DateTimeOffset(a.AtTicks, TimeSpan.Zero));
}
