namespace PetitionBot.Core.Ports;

/// <summary>Email-verification bookkeeping. Addresses are passed normalized (trimmed, lower-case) and the store keeps them
/// only as keyed hashes (their own derived key) beside the domain; never in plain text.</summary>
public interface IEmailVerificationStore
{
    /// <summary>Counts one code sent to <paramref name="address"/> for <paramref name="identityKey"/>, when neither has had
    /// <paramref name="maxPerHour"/> sends in the hour before <paramref name="now"/>; otherwise counts nothing and returns false.
    /// With <paramref name="attempt"/> (the flow's draft holding the new code's salted hash), the draft is saved in the same
    /// transaction as the count, and not at all when the limit refuses: the address step is one write.</summary>
    Task<bool> TryCountSendAsync(string identityKey, string address, DateTimeOffset now, int maxPerHour, FlowDraft? attempt = null,
        CancellationToken ct = default);

    /// <summary>Takes back the send counted for <paramref name="identityKey"/> and <paramref name="address"/> within the
    /// millisecond of <paramref name="sentAt"/>, for a code whose mail never left (refused, or the server unreachable): a
    /// signer told to try later is not held to the hourly limit by mails that were not sent. Nothing when there is none.</summary>
    Task UncountSendAsync(string identityKey, string address, DateTimeOffset sentAt, CancellationToken ct = default);

    /// <summary>The signature of this campaign verified with this address, whichever platform it came from.</summary>
    Task<SignatureRecord?> FindByEmailAsync(string campaignId, string address, CancellationToken ct = default);

    /// <summary>Every signature verified with this address, in all campaigns (for /mydata after the address is proven again).</summary>
    Task<IReadOnlyList<SignatureRecord>> FindAllByEmailAsync(string address, CancellationToken ct = default);

    /// <summary>Deletes the signature verified with this address and lowers the aggregates (for /unsign from another account
    /// after the address is proven again). False when there was none.</summary>
    Task<bool> RemoveByEmailAsync(string campaignId, string address, CancellationToken ct = default);
}
