namespace PetitionBot.Core.Model;

/// <summary>
/// The person behind an interaction, as the adapter saw them.
/// <paramref name="ServerId"/> is the Discord guild id, the Slack team id, or "local" on the console;
/// empty when the interaction came from a direct message.
/// <paramref name="RoleIds"/> are Discord role ids or Slack user-group ids the member holds (as far as the adapter knows).
/// <paramref name="IsServerAdmin"/> is Discord "Manage Server" or a Slack workspace admin/owner.
/// <paramref name="IdentityKey"/> is the stable identity of the chat account, built by the adapter (its own scheme,
/// see <see cref="Ports.IIdentityScheme"/>); the core treats it as an opaque string and stores it only as a keyed hash.
/// </summary>
public sealed record Actor(
    PlatformKind Platform,
    string ServerId,
    string UserId,
    IReadOnlyList<string> RoleIds,
    bool IsServerAdmin,
    string IdentityKey)
{
    /// <summary>The key of the server the actor is in: "discord:&lt;guild&gt;", "slack:&lt;team&gt;", "console:local".</summary>
    public ServerRef Server => new(Platform, ServerId);
}
