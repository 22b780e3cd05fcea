using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Per-workspace bot tokens, encrypted with the key kept outside the database file.</summary>
public sealed class LiteDbInstallationStore(LiteDbContext db) : IInstallationStore
{
    public Task SaveAsync(Installation installation, CancellationToken ct = default)
    {
        var doc = new InstallationDoc
        {
            Id = installation.Server.Key,
            Platform = (int)installation.Server.Platform,
            WorkspaceId = installation.Server.ServerId,
            TokenCipher = db.Keys.EncryptToken(installation.AccessToken),
            BotUserId = installation.BotUserId,
            WorkspaceName = installation.ServerName,
            InstalledAtTicks = installation.InstalledAt.UtcTicks,
        };
        return db.WriteAsync(() => db.Installations.Upsert(doc));
    }

    public Task<Installation?> FindAsync(ServerRef server, CancellationToken ct = default)
    {
        var doc = db.Installations.FindById(server.Key);
        return Task.FromResult(doc is null ? null : ToInstallation(doc));
    }

    public Task<IReadOnlyList<Installation>> ListAsync(PlatformKind platform, CancellationToken ct = default)
    {
        var p = (int)platform;
        IReadOnlyList<Installation> all = db.Installations.Find(i => i.Platform == p).Select(ToInstallation).ToList();
        return Task.FromResult(all);
    }

    public Task<bool> RemoveAsync(ServerRef server, CancellationToken ct = default) =>
        db.WriteAsync(() => db.Installations.Delete(server.Key));

    private Installation ToInstallation(InstallationDoc d) => new(
        new ServerRef((PlatformKind)d.Platform, d.WorkspaceId),
        db.Keys.DecryptToken(d.TokenCipher, out _),
        d.BotUserId,
        d.WorkspaceName,
        new DateTimeOffset(d.InstalledAtTicks, TimeSpan.Zero));
}
