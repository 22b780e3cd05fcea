namespace PetitionBot.Discord.Api;

/// <summary>An interaction (INTERACTION_CREATE's <c>d</c>, or the body of an HTTP interaction), with the fields the
/// adapter reads; the rest of Discord's object is skipped. <see cref="Member"/> is set in a server,
/// <see cref="User"/> in a direct message. Every field is optional here: the parser decides what is missing.</summary>
internal sealed record InteractionPayload(
    string? Id,
    int? Type,
    string? Token,
    InteractionDataPayload? Data = null,
    string? GuildId = null,
    string? ChannelId = null,
    MemberPayload? Member = null,
    UserPayload? User = null)
{
    /// <summary>The interaction token authorises replies for 15 minutes: never printed.</summary>
    public override string ToString() => $"InteractionPayload {{ Id = {Id}, Type = {Type} }}";
}
