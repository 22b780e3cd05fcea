using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;
using PetitionBot.Core.Ports;

namespace PetitionBot.Storage.LiteDb;

public sealed class LiteDbServerStore(LiteDbContext db) : IServerStore
{
    public Task<ServerSettings?> FindAsync(ServerRef server, CancellationToken ct = default)
    {
        var key = server.Key;
        return Task.FromResult(db.ServerCache.Get(key, () => db.Servers.FindById(key) is { } doc ? ToSettings(doc) : null));
    }

    public async Task SaveAsync(ServerSettings settings, CancellationToken ct = default)
    {
        try
        {
            await db.WriteAsync(() => db.Servers.Upsert(ToDoc(settings))).ConfigureAwait(false);
        }
        finally
        {
            db.ServerCache.Changed(settings.Ref.Key);
        }
    }

    public Task<IReadOnlyList<ServerSettings>> ListAsync(CancellationToken ct = default)
    {
        IReadOnlyList<ServerSettings> all = db.Servers.FindAll().Select(ToSettings).ToList();
        return Task.FromResult(all);
    }

    internal static ServerSettings ToSettings(ServerDoc d) => new(new ServerRef((PlatformKind)d.Platform, d.WorkspaceId))
    {
        Name = d.Name,
        Present = d.Present,
        AnnouncementChannelId = d.AnnouncementChannelId,
        LeaderRoleId = d.LeaderRoleId,
        VerifiedRoleId = d.VerifiedRoleId,
        Strict = d.Strict,
        School = d.School,
        SchoolId = d.SchoolId,
        DefaultCampaignId = d.DefaultCampaignId,
        ChannelProblem = d.ChannelProblem,
        AdminNoticePending = d.AdminNoticePending,
        UpdatedAt = new DateTimeOffset(d.UpdatedAtTicks, TimeSpan.Zero),
    };

    private static ServerDoc ToDoc(ServerSettings s) => new()
    {
        Id = s.Ref.Key,
        Platform = (int)s.Ref.Platform,
        WorkspaceId = s.Ref.ServerId,
        Name = s.Name,
        Present = s.Present,
        AnnouncementChannelId = s.AnnouncementChannelId,
        LeaderRoleId = s.LeaderRoleId,
        VerifiedRoleId = s.VerifiedRoleId,
        Strict = s.Strict,
        School = s.School,
        SchoolId = s.SchoolId,
        DefaultCampaignId = s.DefaultCampaignId,
        ChannelProblem = s.ChannelProblem,
        AdminNoticePending = s.AdminNoticePending,
        UpdatedAtTicks = s.UpdatedAt.UtcTicks,
    };
}
