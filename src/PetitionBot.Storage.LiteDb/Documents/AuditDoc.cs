namespace PetitionBot.Storage.LiteDb.Documents;

internal sealed class AuditDoc
{
    public int Id { get; set; }

    public string Action { get; set; } = "";

    /// <summary>action|workspace key, indexed for throttles.</summary>
    public string ActionKey { get; set; } = "";

    public int? Platform { get; set; }

    public string? WorkspaceId { get; set; }

    public string ActorHash { get; set; } = "";

    public string Detail { get; set; } = "";

    public long AtTicks { get; set; }
}
