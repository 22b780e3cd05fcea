namespace PetitionBot.Core.Model;

/// <summary>A channel in a workspace: where announcements and updates are posted.</summary>
public sealed record ChannelRef(PlatformKind Platform, string WorkspaceId, string ChannelId)
{
    public WorkspaceRef Workspace => new(Platform, WorkspaceId);
}
