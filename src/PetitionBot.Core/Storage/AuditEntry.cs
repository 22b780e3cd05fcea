using PetitionBot.Core.Model;

namespace PetitionBot.Core.Storage;

/// <summary>A record of a privileged action (export, update, setup change, invalidation).
/// <paramref name="ActorKey"/> is an identity key; the store keeps only its keyed hash (under the audit actors' own key),
/// and returns that hash, or "" once the actor was removed (/mydata delete, or an entry from before the per-purpose keys).
/// <paramref name="Detail"/> never holds signers' personal data.</summary>
public sealed record AuditEntry(
    string Action,
    ServerRef? Server,
    string ActorKey,
    string Detail,
    DateTimeOffset At);
