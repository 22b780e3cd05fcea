using System.Collections.Concurrent;

namespace PetitionBot.Fakes.Slack;

/// <summary>A workspace of the fake Slack: its bot token, members (admin flags), user groups, channels that answer
/// errors (gone, archived, bot not in channel), and users the app cannot message.</summary>
public sealed class FakeSlackTeam(string id, string botToken, string name)
{
    public string Id => id;

    public string Name => name;

    /// <summary>The bot token Web API calls for this team must carry. Settable to simulate a rotated token.</summary>
    public string BotToken { get; set; } = botToken;

    /// <summary>When true every call with this team's token answers token_revoked.</summary>
    public bool TokenRevoked { get; set; }

    internal ConcurrentDictionary<string, (bool IsAdmin, bool IsOwner)> Users { get; } = new(StringComparer.Ordinal);

    internal ConcurrentDictionary<string, string[]> UserGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>Channels that answer channel_not_found.</summary>
    public ConcurrentDictionary<string, bool> GoneChannels { get; } = new(StringComparer.Ordinal);

    /// <summary>Channels that answer is_archived.</summary>
    public ConcurrentDictionary<string, bool> ArchivedChannels { get; } = new(StringComparer.Ordinal);

    /// <summary>Channels that answer not_in_channel.</summary>
    public ConcurrentDictionary<string, bool> NotInChannels { get; } = new(StringComparer.Ordinal);

    /// <summary>Users the app cannot message: conversations.open with them answers cannot_dm_bot, every time.</summary>
    public ConcurrentDictionary<string, bool> DirectMessagesBlocked { get; } = new(StringComparer.Ordinal);

    public FakeSlackTeam AddUser(string userId, bool isAdmin = false, bool isOwner = false)
    {
        Users[userId] = (isAdmin, isOwner);
        return this;
    }

    /// <summary>The app cannot open a DM with <paramref name="userId"/> (see <see cref="DirectMessagesBlocked"/>).</summary>
    public FakeSlackTeam BlockDirectMessages(string userId)
    {
        DirectMessagesBlocked[userId] = true;
        return this;
    }

    public FakeSlackTeam AddUserGroup(string groupId, params string[] userIds)
    {
        UserGroups[groupId] = userIds;
        return this;
    }
}
