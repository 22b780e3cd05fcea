namespace PetitionBot.Core.Model;

/// <summary>A Discord guild, a Slack workspace (team), or the local console.</summary>
public sealed record WorkspaceRef(PlatformKind Platform, string WorkspaceId)
{
    public string Key => $"{Platform.ToString().ToLowerInvariant()}:{WorkspaceId}";

    public override string ToString() => Key;
}
