using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Discord;

/// <summary>Direct messages: <c>POST /users/@me/channels</c> {recipient_id} answers a DM channel object (type 1, one
/// recipient; the same channel for the same user, as Discord does), and messages to it count as that user's DMs.
/// A user who blocked DMs from the bot gets the channel, but posting there answers 403 / 50007.</summary>
public sealed partial class FakeDiscordServer
{
    private readonly Dictionary<string, string> _dmChannelByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dmUserByChannel = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dmBlocked = new(StringComparer.Ordinal);

    /// <summary>This user does not accept direct messages from the bot (privacy setting or block): 50007.</summary>
    public void BlockDirectMessages(string userId)
    {
        lock (_gate)
        {
            _dmBlocked.Add(userId);
        }
    }

    /// <summary>Messages created in the DM channel with <paramref name="userId"/> (0 when none was opened).</summary>
    public int DirectMessagesTo(string userId)
    {
        lock (_gate)
        {
            return _dmChannelByUser.TryGetValue(userId, out var channel) ? _posted.GetValueOrDefault(channel) : 0;
        }
    }

    /// <summary>The DM channel opened with <paramref name="userId"/>, if any.</summary>
    public string? DirectMessageChannel(string userId)
    {
        lock (_gate)
        {
            return _dmChannelByUser.GetValueOrDefault(userId);
        }
    }

    private FakeRestResponse CreateDirectMessageChannel(byte[] body)
    {
        var recipient = (JsonNode.Parse(body) as JsonObject)?["recipient_id"]?.ToString();
        if (string.IsNullOrEmpty(recipient) || !recipient.All(char.IsAsciiDigit))
        {
            return FakeRestResponse.Error(400, 50035, "Invalid Form Body");
        }

        lock (_gate)
        {
            if (!_dmChannelByUser.TryGetValue(recipient, out var channel))
            {
                channel = NextId();
                _dmChannelByUser[recipient] = channel;
                _dmUserByChannel[channel] = recipient;
            }

            return new FakeRestResponse(200, new JsonObject
            {
                ["id"] = channel,
                ["type"] = 1,
                ["last_message_id"] = null,
                ["flags"] = 0,
                ["recipients"] = new JsonArray(new JsonObject { ["id"] = recipient, ["username"] = "user" + recipient[^4..], ["discriminator"] = "0", ["global_name"] = null, ["avatar"] = null }),
            });
        }
    }

    /// <summary>Under the gate: 50007 when <paramref name="channelId"/> is the DM channel of a user who blocked DMs.</summary>
    private bool DirectMessageBlocked(string channelId) =>
        _dmUserByChannel.TryGetValue(channelId, out var user) && _dmBlocked.Contains(user);
}
