namespace PetitionBot.Core.Model;

/// <summary>A channel in a server: where announcements and updates are posted.</summary>
public sealed record ChannelRef(PlatformKind Platform, string ServerId, string ChannelId)
{
    public ServerRef Server => new(Platform, ServerId);
}
