using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct = default);

    /// <summary>How many entries of <paramref name="action"/> for this server since <paramref name="since"/>.</summary>
    Task<int> CountSinceAsync(string action, ServerRef server, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>When each entry of <paramref name="action"/> for this server since <paramref name="since"/> was made,
    /// oldest first (the throttle says when the next update is allowed).</summary>
    Task<IReadOnlyList<DateTimeOffset>> TimesSinceAsync(string action, ServerRef server, DateTimeOffset since, CancellationToken ct = default);

    Task<IReadOnlyList<AuditEntry>> RecentAsync(int max, CancellationToken ct = default);

    /// <summary>The entries this person made, oldest first (for /mydata): their <see cref="AuditEntry.ActorKey"/> is the
    /// stored keyed hash, never the identity key.</summary>
    Task<IReadOnlyList<AuditEntry>> FindByActorAsync(string actorKey, CancellationToken ct = default);

    /// <summary>Removes this person from every entry they made (/mydata delete): the entries stay, without an actor.
    /// Returns how many entries changed.</summary>
    Task<int> ForgetActorAsync(string actorKey, CancellationToken ct = default);
}
