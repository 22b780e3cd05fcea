namespace PetitionBot.Core.Model;

/// <summary>A chat server (the core's word for it): a Discord guild, a Slack workspace (team), or the local console.
/// <see cref="Key"/> ("discord:&lt;guild&gt;", "slack:&lt;team&gt;", "console:local") names it in stores, caches and hashes.</summary>
public sealed record ServerRef(PlatformKind Platform, string ServerId)
{
    public string Key => $"{Platform.ToString().ToLowerInvariant()}:{ServerId}";

    public override string ToString() => Key;
}
