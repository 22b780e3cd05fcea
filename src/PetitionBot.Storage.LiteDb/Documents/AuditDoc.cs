namespace PetitionBot.Storage.LiteDb.Documents;

internal sealed class AuditDoc
{
    public int Id { get; set; }

    public string Action { get; set; } = "";

    /// <summary>action|workspace key, indexed for throttles.</summary>
    public string ActionKey { get; set; } = "";

    public int? Platform { get; set; }

    /// <summary>The core's server id (<c>ServerRef.ServerId</c>), under the field name the database files already use.</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>Keyed hash of the actor under the audit actors' own key; null once removed (/mydata delete, or an entry
    /// written before the per-purpose keys, whose actor cannot be re-keyed).</summary>
    public string? ActorHash { get; set; }

    public string Detail { get; set; } = "";

    public long AtTicks { get; set; }
}
