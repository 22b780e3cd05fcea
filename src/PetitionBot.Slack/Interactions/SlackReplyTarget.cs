using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Interactions;

/// <summary>Where and how a reply goes: the team's token, the person, the channel, the response_url and trigger_id of
/// the interaction (if any), an already opened modal (<paramref name="ViewId"/>) to update, and the command to name
/// when asking the person to try again.</summary>
internal sealed record SlackReplyTarget(
    SlackToken Token,
    string UserId,
    string? ChannelId,
    Uri? ResponseUrl,
    string? TriggerId,
    string? ViewId = null,
    bool ReplaceOriginal = false,
    string? CommandName = null);
