namespace PetitionBot.Discord.Api;

/// <summary>A callback whose data is a message: 4 (message), 5 (deferred message, flags only), 7 (update message).</summary>
internal sealed record MessageCallbackPayload(int Type, MessagePayload Data) : InteractionCallbackPayload(Type);
