using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>One real store (a LiteDB file in a temp folder, or a fresh database on the test PostgreSQL server) with
/// every port over it: what the contract tests run against.</summary>
public abstract class StoreUnderTest : IAsyncDisposable
{
    public abstract ISignatureStore Signatures { get; }

    public abstract IDraftStore Drafts { get; }

    public abstract IServerStore Servers { get; }

    public abstract IOutboxStore Outbox { get; }

    public abstract IAuditLog Audit { get; }

    public abstract IInstallationStore Installations { get; }

    public abstract IEmailVerificationStore Emails { get; }

    public abstract IResponseStore Responses { get; }

    public abstract ISchoolMaintenance Schools { get; }
    public abstract ISubscriptionStore Subscriptions { get; }

    public abstract SecretKeys Keys { get; }

    /// <summary>A new handled-keys instance over this store (as a restarted or second process would build), on <paramref name="time"/>.</summary>
    public abstract IHandledKeys NewHandledKeys(TimeProvider time);

    public Task RegisterServerAsync(string guildId, string channelId, string? school = null, PlatformKind platform = PlatformKind.Discord) =>
        Servers.SaveAsync(new ServerSettings(new ServerRef(platform, guildId))
        {
            AnnouncementChannelId = channelId,
            School = school,
            UpdatedAt = TempStore.T0,
        });

    /// <summary>Makes everything written so far durable in the store's files (a checkpoint), where the store has such a step.</summary>
    public abstract Task FlushAsync();

    /// <summary>Everything the store holds at rest, as bytes, for "no personal data in clear" checks; closes the store.</summary>
    public abstract Task<byte[]> StoredBytesAsync();

    /// <summary>Every stored value as text, per collection (LiteDB) or table (PostgreSQL), read raw (not through the
    /// stores): for "no value of one collection equals a value of another" checks. Leaves the store open.</summary>
    public abstract Task<IReadOnlyDictionary<string, string>> StoredValuesAsync();

    /// <summary>Closes the store and opens it again (a restart); returns the outbox over the reopened store.</summary>
    public abstract Task<IOutboxStore> RestartAsync();

    public abstract ValueTask DisposeAsync();
}
