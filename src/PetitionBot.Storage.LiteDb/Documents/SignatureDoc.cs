namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>A stored signature. <see cref="Key"/> = campaign + "|" + identity hash, under a unique index.</summary>
internal sealed class SignatureDoc
{
    public string Id { get; set; } = "";

    public string Key { get; set; } = "";

    public string CampaignId { get; set; } = "";

    public string IdentityHash { get; set; } = "";

    public int Platform { get; set; }

    /// <summary>The core's server id (<c>ServerRef.ServerId</c>; for a counted-only row its keyed hash), under the field name
    /// the database files already use.</summary>
    public string WorkspaceId { get; set; } = "";

    public string? FullName { get; set; }

    public string School { get; set; } = "";

    public string SchoolKey { get; set; } = "";

    /// <summary>The directory id, or "other"; empty in a database written before the directory (migrated at start).</summary>
    public string SchoolId { get; set; } = "";

    public string Stage { get; set; } = "";

    public string Role { get; set; } = "";

    public int Verification { get; set; }

    public long SignedAtTicks { get; set; }

    /// <summary>Keyed hash of the verified address (<see cref="SecretKeys.HashEmail"/>); null when none was verified.</summary>
    public string? EmailHash { get; set; }

    /// <summary>The verified address's domain (e.g. "ucsf.edu"), shown to organizers; never the address.</summary>
    public string? EmailDomain { get; set; }
}
