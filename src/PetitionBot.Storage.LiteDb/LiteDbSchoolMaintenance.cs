using PetitionBot.Core.Ports;
using PetitionBot.Core.Schools;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;

namespace PetitionBot.Storage.LiteDb;

/// <summary>School upkeep of the LiteDB store (<see cref="ISchoolMaintenance"/>): the start-up migration of signatures
/// (and servers) written before the school directory, the "Other" texts with their counts, and mapping one of them to a
/// directory school.</summary>
public sealed class LiteDbSchoolMaintenance(LiteDbContext db) : ISchoolMaintenance
{
    /// <summary>Resolves the school text of every signature and server that has no school id yet (Found → the id and
    /// the school's name; anything else → "Other" with the text kept), and of every "Other" one again (a school added
    /// to the directory since then takes its signatures), then rebuilds the school aggregates. Idempotent: a second run
    /// with the same directory finds nothing to do. Returns how many signatures changed.</summary>
    public Task<int> MigrateAsync(ISchoolDirectory directory, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return WriteServersAsync(() =>
        {
            // First the changes (read one signature at a time; an "Other" one that still resolves to nothing is passed
            // over, so every start does not hold all of them in memory), then the updates.
            var changes = new List<(string Id, string SchoolId, string? Name)>();
            foreach (var doc in db.Signatures.Find(s => s.SchoolId == null || s.SchoolId == "" || s.SchoolId == School.OtherId))
            {
                var match = directory.Resolve(doc.School);
                if (match is { Kind: SchoolMatchKind.Found, School: { } school })
                {
                    changes.Add((doc.Id, school.Id, school.Name));
                }
                else if (doc.SchoolId != School.OtherId)
                {
                    changes.Add((doc.Id, School.OtherId, null));
                }
            }

            foreach (var (id, schoolId, name) in changes)
            {
                if (db.Signatures.FindById(id) is { } doc)
                {
                    doc.SchoolId = schoolId;
                    doc.School = name ?? doc.School;
                    doc.SchoolKey = SchoolKeys.For(doc.SchoolId, doc.School);
                    db.Signatures.Update(doc);
                }
            }

            var changed = changes.Count;

            foreach (var server in db.Servers.Find(s => s.School != null && (s.SchoolId == null || s.SchoolId == School.OtherId)).ToList())
            {
                var match = directory.Resolve(server.School!);
                if (match is { Kind: SchoolMatchKind.Found, School: { } school })
                {
                    (server.SchoolId, server.School) = (school.Id, school.Name);
                }
                else if (server.SchoolId == School.OtherId)
                {
                    continue;
                }
                else
                {
                    server.SchoolId = School.OtherId;
                }

                db.Servers.Update(server);
            }

            if (changed > 0)
            {
                Aggregates.RebuildSchools(db);
            }

            return changed;
        });
    }

    /// <summary>Every "Other" school text with how many signatures (all campaigns) carry it, most first.</summary>
    public Task<IReadOnlyList<CountBy>> ListOtherAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        IReadOnlyList<CountBy> rows = db.Signatures.Find(s => s.SchoolId == School.OtherId).ToList()
            .GroupBy(s => s.SchoolKey)
            .Select(g => new CountBy(g.Key, g.First().School, g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return Task.FromResult(rows);
    }

    /// <summary>Moves every "Other" signature whose text is <paramref name="typed"/> (case and spacing ignored) to
    /// <paramref name="school"/>, with its aggregates, and the servers that typed the same text; audited. Returns how
    /// many signatures moved (0: no such text, nothing changed).</summary>
    public Task<int> MapAsync(string typed, School school, string actorKey, DateTimeOffset now, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var key = SchoolKeys.For(School.OtherId, typed);
        var textKey = InputRules.SchoolKey(typed);
        return WriteServersAsync(() =>
        {
            var moved = db.Signatures.Find(s => s.SchoolKey == key).ToList();
            if (moved.Count == 0)
            {
                return 0;
            }

            foreach (var doc in moved)
            {
                Aggregates.Apply(db, doc, -1);
                doc.SchoolId = school.Id;
                doc.School = school.Name;
                doc.SchoolKey = school.Id;
                db.Signatures.Update(doc);
                Aggregates.Apply(db, doc, +1);
            }

            foreach (var server in db.Servers.Find(s => s.School != null && (s.SchoolId == null || s.SchoolId == "" || s.SchoolId == School.OtherId)).ToList()
                .Where(s => s.School is { } text && InputRules.SchoolKey(text) == textKey))
            {
                server.SchoolId = school.Id;
                server.School = school.Name;
                db.Servers.Update(server);
            }

            db.Audit.Insert(new Documents.AuditDoc
            {
                Action = AuditActions.SchoolMap,
                ActionKey = AuditActions.SchoolMap + "|",
                ActorHash = db.Keys.HashAuditActor(actorKey),
                Detail = $"mapped {moved.Count} signatures of the Other school \"{textKey}\" to {school.Id}",
                AtTicks = now.UtcTicks,
            });
            return moved.Count;
        });
    }

    /// <summary>A write that may change servers' settings: the settings cache forgets them all afterwards.</summary>
    private async Task<int> WriteServersAsync(Func<int> work)
    {
        try
        {
            return await db.WriteAsync(work).ConfigureAwait(false);
        }
        finally
        {
            db.ServerCache.Clear();
        }
    }
}
