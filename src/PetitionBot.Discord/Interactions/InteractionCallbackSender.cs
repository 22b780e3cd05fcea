using PetitionBot.Discord.Api;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Interactions;

/// <summary>Delivers the first response of an interaction (REST callback, or the inline HTTP response).</summary>
internal delegate Task<DiscordRestResult> InteractionCallbackSender(InteractionCallbackPayload callback, CancellationToken ct = default);
