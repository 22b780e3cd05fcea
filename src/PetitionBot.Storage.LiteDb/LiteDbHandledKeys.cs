using System.Security.Cryptography;
using System.Text;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Handled ids of signed HTTP requests (<see cref="SignedRequestKeys"/>) kept in the LiteDB file, so a captured
/// signed request replayed after a restart is not acted on again. Other deliveries (gateway, Socket Mode) are remembered
/// in memory only: writing each of them cost today's flow most of its p99 at 200 sign flows/s. Ids are stored as their
/// SHA-256 and kept for <see cref="Lifetime"/> (Discord's interaction tokens live 15 minutes; signed requests older than
/// 5 minutes are refused before they get here), then purged. Repeats within this process are answered from memory first.</summary>
public sealed class LiteDbHandledKeys(LiteDbContext db, TimeProvider time) : IHandledKeys
{
    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(15);

    private readonly MemoryHandledKeys _local = new();
    private int _inserts;

    public async Task<bool> FirstTimeAsync(string key, CancellationToken ct = default)
    {
        if (!await _local.FirstTimeAsync(key, ct).ConfigureAwait(false))
        {
            return false;
        }

        if (!SignedRequestKeys.IsSigned(key))
        {
            // A gateway or Socket Mode delivery: nobody else can replay it, and this process is the file's only user.
            return true;
        }

        var id = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var now = time.GetUtcNow().UtcTicks;
        var purge = Interlocked.Increment(ref _inserts) % 500 == 0;
        return await db.WriteAsync(() =>
        {
            if (purge)
            {
                db.SeenIds.DeleteMany(s => s.ExpiresAtTicks < now);
            }

            var existing = db.SeenIds.FindById(id);
            if (existing is not null && existing.ExpiresAtTicks >= now)
            {
                return false;
            }

            db.SeenIds.Upsert(new SeenIdDoc { Id = id, ExpiresAtTicks = now + Lifetime.Ticks });
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Forgets ids whose lifetime is over; returns how many.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var now = time.GetUtcNow().UtcTicks;
        return db.WriteAsync(() => db.SeenIds.DeleteMany(s => s.ExpiresAtTicks < now));
    }
}
