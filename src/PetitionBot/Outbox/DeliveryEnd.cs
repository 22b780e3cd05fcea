using PetitionBot.Core.Model;

namespace PetitionBot.Outbox;

/// <summary>A delivery's end as <see cref="DeliveryLanes"/> reports it: its platform, how many are still running in that
/// platform's lane and in all, and whether it ended with an exception or was cancelled (the item is then still pending).</summary>
internal sealed record DeliveryEnd(PlatformKind Platform, int LaneLeft, int Running, bool Failed);
