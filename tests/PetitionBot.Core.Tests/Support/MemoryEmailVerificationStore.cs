using System.Collections.Concurrent;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Tests.Support;

/// <summary>Stand-in for the LiteDB email-verification store until it lands: wraps the real signature store, remembers
/// which (campaign, identity) each address signed as, and enforces one signature per address.</summary>
public sealed class MemoryEmailVerificationStore(ISignatureStore inner, TimeProvider time) : IEmailVerificationStore, ISignatureStore
{
    private readonly ConcurrentDictionary<(string Campaign, string Address), string> _signers = new();
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _sends = new();
    private readonly Lock _gate = new();

    public Task<bool> TryCountSendAsync(string identityKey, string address, DateTimeOffset now, int maxPerHour, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var a = _sends.GetOrAdd("a:" + address, _ => []);
            var p = _sends.GetOrAdd("p:" + identityKey, _ => []);
            a.RemoveAll(t => t <= now.AddHours(-1));
            p.RemoveAll(t => t <= now.AddHours(-1));
            if (a.Count >= maxPerHour || p.Count >= maxPerHour)
            {
                return Task.FromResult(false);
            }

            a.Add(now);
            p.Add(now);
            return Task.FromResult(true);
        }
    }

    public async Task<SignatureRecord?> FindByEmailAsync(string campaignId, string address, CancellationToken ct = default) =>
        _signers.TryGetValue((campaignId, address), out var identity) ? WithDomain(await inner.FindAsync(campaignId, identity, ct), address) : null;

    public async Task<IReadOnlyList<SignatureRecord>> FindAllByEmailAsync(string address, CancellationToken ct = default)
    {
        var found = new List<SignatureRecord>();
        foreach (var ((campaign, a), identity) in _signers.Where(kv => kv.Key.Address == address))
        {
            if (WithDomain(await inner.FindAsync(campaign, identity, ct), a) is { } s)
            {
                found.Add(s);
            }
        }

        return found;
    }

    public async Task<bool> RemoveByEmailAsync(string campaignId, string address, CancellationToken ct = default) =>
        _signers.TryRemove((campaignId, address), out var identity) && await inner.RemoveAsync(campaignId, identity, ct);

    public async Task<SignOutcome> AddAsync(NewSignature signature, MilestonePlan milestones, CancellationToken ct = default)
    {
        if (signature.EmailAddress is { } address)
        {
            if (await FindByEmailAsync(signature.CampaignId, address, ct) is { } existing)
            {
                return new SignOutcome(false, existing, (await inner.GetStatsAsync(signature.CampaignId, time.GetUtcNow(), ct)).Total, []);
            }

            var outcome = await inner.AddAsync(signature, milestones, ct);
            if (outcome.Added)
            {
                _signers[(signature.CampaignId, address)] = signature.IdentityKey;
            }

            return outcome with { Signature = WithDomain(outcome.Signature, address)! };
        }

        return await inner.AddAsync(signature, milestones, ct);
    }

    public Task<SignatureRecord?> FindAsync(string campaignId, string identityKey, CancellationToken ct = default) => inner.FindAsync(campaignId, identityKey, ct);

    public Task<IReadOnlyList<SignatureRecord>> FindAllAsync(string identityKey, CancellationToken ct = default) => inner.FindAllAsync(identityKey, ct);

    public Task<bool> RemoveAsync(string campaignId, string identityKey, CancellationToken ct = default) => inner.RemoveAsync(campaignId, identityKey, ct);

    public Task<CampaignStats> GetStatsAsync(string campaignId, DateTimeOffset now, CancellationToken ct = default) => inner.GetStatsAsync(campaignId, now, ct);

    public Task<int> InvalidateAsync(string campaignId, Model.WorkspaceRef? workspace, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default) =>
        inner.InvalidateAsync(campaignId, workspace, from, to, ct);

    public IAsyncEnumerable<SignatureRecord> ListAsync(string campaignId, CancellationToken ct = default) => inner.ListAsync(campaignId, ct);

    private static SignatureRecord? WithDomain(SignatureRecord? record, string address) =>
        record is null ? null : record with { EmailDomain = address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..] };
}
