using PetitionBot.Core.Model;

namespace PetitionBot.Core.Storage;

/// <summary>A record of a privileged action (export, update, setup change, invalidation).
/// <paramref name="ActorKey"/> is an identity key; the store keeps only its keyed hash.
/// <paramref name="Detail"/> never holds signers' personal data.</summary>
public sealed record AuditEntry(
    string Action,
    WorkspaceRef? Workspace,
    string ActorKey,
    string Detail,
    DateTimeOffset At);
