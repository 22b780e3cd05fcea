namespace PetitionBot.Core.Fallbacks;

/// <summary>Used only beside <see cref="NoVerificationMailer"/> when the host registers no email-verification store: no
/// code is ever sent, so no address is ever proven, and there is nothing to find.</summary>
public sealed class NoEmailVerificationStore : IEmailVerificationStore
{
    public Task<bool> TryCountSendAsync(string identityKey, string address, DateTimeOffset now, int maxPerHour, FlowDraft? attempt = null,
        CancellationToken ct = default) =>
        Task.FromResult(true);

    public Task UncountSendAsync(string identityKey, string address, DateTimeOffset sentAt, CancellationToken ct = default) => Task.CompletedTask;

    public Task<SignatureRecord?> FindByEmailAsync(string campaignId, string address, CancellationToken ct = default) =>
        Task.FromResult<SignatureRecord?>(null);

    public Task<IReadOnlyList<SignatureRecord>> FindAllByEmailAsync(string address, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<SignatureRecord>>([]);

    public Task<bool> RemoveByEmailAsync(string campaignId, string address, CancellationToken ct = default) => Task.FromResult(false);
}
