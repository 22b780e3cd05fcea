namespace PetitionBot.Core.Ports;

/// <summary>Signers who asked for a private message when their petition is delivered or a recipient responds. The
/// platform user id is kept encrypted under its own derived key (never in clear, never as the identity hash), only
/// until the campaign closes plus 30 days.</summary>
public interface ISubscriptionStore
{
    /// <summary>Stores the opt-in; false when this person already opted in for this campaign (nothing changes).</summary>
    Task<bool> AddAsync(NewSubscription subscription, CancellationToken ct = default);

    /// <summary>The person's opt-ins, oldest first.</summary>
    Task<IReadOnlyList<Subscription>> FindAllAsync(string identityKey, CancellationToken ct = default);

    /// <summary>Deletes the person's opt-in for one campaign; false when there was none.</summary>
    Task<bool> RemoveAsync(string campaignId, string identityKey, CancellationToken ct = default);

    /// <summary>Deletes every opt-in of the person; returns how many.</summary>
    Task<int> RemoveAllAsync(string identityKey, CancellationToken ct = default);

    /// <summary>In one transaction: records <paramref name="notice"/> under <paramref name="uniqueKey"/> and one pending
    /// outbox delivery per current subscriber of its campaign (<see cref="DirectTarget"/>), the n-th delivery of a platform
    /// due <paramref name="spacing"/> × n after the notice, so the fan-out keeps to the platforms' DM pace. Returns how many
    /// subscribers it goes to, or null when the key was already recorded (then nothing changes: one message per event).</summary>
    Task<int?> NotifyAsync(Storage.Announcement notice, string uniqueKey, TimeSpan spacing, CancellationToken ct = default);

    /// <summary>The decrypted recipient of one subscription (for the outbox dispatcher); null once it was removed.</summary>
    Task<DirectRecipient?> RecipientAsync(string subscriptionId, CancellationToken ct = default);

    /// <summary>Deletes one subscription (the platform refuses DMs to that user); false when it was already gone.</summary>
    Task<bool> DropAsync(string subscriptionId, CancellationToken ct = default);

    /// <summary>Deletes subscriptions whose expiry has passed and every subscription of <paramref name="endedCampaignIds"/>
    /// (campaigns closed more than 30 days ago); returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset now, IReadOnlyCollection<string> endedCampaignIds, CancellationToken ct = default);
}
