using PetitionBot.Core.Model;

namespace PetitionBot.Core.Storage;

/// <summary>One delivery of one announcement to one channel. <see cref="Id"/> (≤ 25 ASCII chars) doubles as the
/// platform dedup key (Discord nonce), so a retried send is not posted twice.</summary>
public sealed record OutboxItem(
    string Id,
    string AnnouncementId,
    ChannelRef Channel,
    OutboxState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError);
