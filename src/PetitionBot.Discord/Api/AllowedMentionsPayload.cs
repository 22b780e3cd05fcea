namespace PetitionBot.Discord.Api;

/// <summary><c>allowed_mentions</c>; the bot always sends <see cref="None"/> so user text never pings anyone.</summary>
internal sealed record AllowedMentionsPayload(IReadOnlyList<string> Parse)
{
    public static AllowedMentionsPayload None { get; } = new([]);
}
