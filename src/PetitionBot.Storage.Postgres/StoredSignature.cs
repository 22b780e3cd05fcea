namespace PetitionBot.Storage.Postgres;

/// <summary>A row of the signatures table. <see cref="SchoolId"/> is null for a row written before school ids (migration 0005).</summary>
internal sealed record StoredSignature(
    string Id,
    string CampaignId,
    string IdentityHash,
    int Platform,
    string WorkspaceId,
    string? FullName,
    string School,
    string SchoolKey,
    string Stage,
    string Role,
    int Verification,
    long SignedAtTicks,
    string? EmailHash = null,
    string? EmailDomain = null,
    string? SchoolId = null)
{
    public const string Columns = "id, campaign_id, identity_hash, platform, workspace_id, full_name, school, school_key, stage, role, verification, signed_at_ticks, email_hash, email_domain, school_id";

    public static StoredSignature Read(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetInt32(3),
        r.GetString(4),
        r.NullableString(5),
        r.GetString(6),
        r.GetString(7),
        r.GetString(8),
        r.GetString(9),
        r.GetInt32(10),
        r.GetInt64(11),
        r.NullableString(12),
        r.NullableString(13),
        r.NullableString(14));

    public SignatureRecord ToRecord() => new(Id, CampaignId, Answers(), EmailDomain);

    /// <summary>A counted-only row keeps no server id: its answers say "".</summary>
    private SignerAnswers Answers() => new((PlatformKind)Platform, FullName is null ? "" : WorkspaceId, FullName, School, Stage, Role,
        (Verification)Verification, new DateTimeOffset(SignedAtTicks, TimeSpan.Zero), SchoolId is { Length: > 0 } id ? id : Core.Schools.School.OtherId);

    public void AddParameters(NpgsqlParameterCollection p)
    {
        p.AddWithValue("id", Id);
        p.AddWithValue("campaign", CampaignId);
        p.AddWithValue("hash", IdentityHash);
        p.AddWithValue("platform", Platform);
        p.AddWithValue("workspace", WorkspaceId);
        p.AddNullableText("name", FullName);
        p.AddWithValue("school", School);
        p.AddWithValue("school_key", SchoolKey);
        p.AddWithValue("stage", Stage);
        p.AddWithValue("role", Role);
        p.AddWithValue("verification", Verification);
        p.AddWithValue("at", SignedAtTicks);
        p.AddNullableText("email_hash", EmailHash);
        p.AddNullableText("email_domain", EmailDomain);
        p.AddNullableText("school_id", SchoolId);
    }
}
