namespace PetitionBot.Storage.Postgres;

/// <summary>Server settings. <see cref="FindAsync"/> answers from this process's memory for up to
/// <see cref="CacheLifetime"/> (see <see cref="RecentServers"/>): a change saved by another process (an admin's /setup
/// answered there) reaches this one within that time.</summary>
public sealed class PostgresServerStore(PostgresDatabase db) : IServerStore
{
    internal const string Columns = "platform, workspace_id, name, present, announcement_channel_id, leader_role_id, verified_role_id, strict, school, default_campaign_id, channel_problem, admin_notice_pending, updated_at_ticks, school_id";

    private readonly RecentServers _recent = new(TimeProvider.System);

    public PostgresServerStore(PostgresDatabase db, TimeProvider time)
        : this(db) => _recent = new RecentServers(time);

    /// <summary>How long a read is reused by this process (another process's change shows up within this).</summary>
    public static TimeSpan CacheLifetime { get; set; } = TimeSpan.FromSeconds(5);

    public async Task<ServerSettings?> FindAsync(ServerRef server, CancellationToken ct = default)
    {
        var key = server.Key;
        if (_recent.TryGet(key, CacheLifetime, out var known))
        {
            return known;
        }

        var version = _recent.Version;
        var readAt = _recent.Stamp();
        var found = (await Sql.QueryAsync(db, $"SELECT {Columns} FROM servers WHERE id = @id", Read, ct, ("id", key))).SingleOrDefault();
        _recent.Keep(key, found, version, readAt);
        return found;
    }

    public async Task SaveAsync(ServerSettings s, CancellationToken ct = default)
    {
        try
        {
            await UpsertAsync(s, ct);
        }
        finally
        {
            _recent.Saved(s.Ref.Key);
        }
    }

    private Task UpsertAsync(ServerSettings s, CancellationToken ct) =>
        Sql.ExecAsync(db, $"""
            INSERT INTO servers (id, {Columns}, school_key)
            VALUES (@id, @p, @w, @name, @present, @channel, @leader, @verified, @strict, @school, @campaign, @problem, @notice, @at, @school_id, @school_key)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, present = EXCLUDED.present,
                announcement_channel_id = EXCLUDED.announcement_channel_id, leader_role_id = EXCLUDED.leader_role_id,
                verified_role_id = EXCLUDED.verified_role_id, strict = EXCLUDED.strict, school = EXCLUDED.school, school_id = EXCLUDED.school_id,
                school_key = EXCLUDED.school_key, default_campaign_id = EXCLUDED.default_campaign_id,
                channel_problem = EXCLUDED.channel_problem, admin_notice_pending = EXCLUDED.admin_notice_pending,
                updated_at_ticks = EXCLUDED.updated_at_ticks
            """,
            ct,
            ("id", s.Ref.Key),
            ("p", (int)s.Ref.Platform),
            ("w", s.Ref.ServerId),
            ("name", s.Name),
            ("present", s.Present),
            ("channel", s.AnnouncementChannelId),
            ("leader", s.LeaderRoleId),
            ("verified", s.VerifiedRoleId),
            ("strict", s.Strict),
            ("school", s.School),
            ("campaign", s.DefaultCampaignId),
            ("problem", s.ChannelProblem),
            ("notice", s.AdminNoticePending),
            ("at", s.UpdatedAt.UtcTicks),
            ("school_id", s.SchoolId),
            ("school_key", s.SchoolKey));

    public async Task<IReadOnlyList<ServerSettings>> ListAsync(CancellationToken ct = default) =>
        await Sql.QueryAsync(db, $"SELECT {Columns} FROM servers ORDER BY id", Read, ct);

    internal static ServerSettings Read(NpgsqlDataReader r) => new(new ServerRef((PlatformKind)r.GetInt32(0), r.GetString(1)))
    {
        Name = r.NullableString(2),
        Present = r.GetBoolean(3),
        AnnouncementChannelId = r.NullableString(4),
        LeaderRoleId = r.NullableString(5),
        VerifiedRoleId = r.NullableString(6),
        Strict = r.GetBoolean(7),
        School = r.NullableString(8),
        DefaultCampaignId = r.NullableString(9),
        ChannelProblem = r.NullableString(10),
        AdminNoticePending = r.GetBoolean(11),
        UpdatedAt = new DateTimeOffset(r.GetInt64(12), TimeSpan.Zero),
        SchoolId = r.NullableString(13),
    };
}
