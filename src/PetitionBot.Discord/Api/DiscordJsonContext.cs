using System.Text.Json;
using System.Text.Json.Serialization;
using PetitionBot.Discord.Gateway;

namespace PetitionBot.Discord.Api;

/// <summary>The adapter's one JSON contract, generated at compile time: every payload it reads or writes (REST
/// bodies, interaction callbacks, gateway payloads, the session handoff file). snake_case names, nulls omitted when
/// writing unless a property says otherwise. <c>type</c> of a component may stand anywhere in its object
/// (<see cref="JsonSerializerOptions.AllowOutOfOrderMetadataProperties"/>): Discord does not promise it first.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(InteractionCallbackPayload))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(ModalPayload))]
[JsonSerializable(typeof(IReadOnlyList<CommandPayload>), TypeInfoPropertyName = "Commands")]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(DirectMessageChannelRequest))]
[JsonSerializable(typeof(ChannelPayload))]
[JsonSerializable(typeof(ErrorPayload))]
[JsonSerializable(typeof(RateLimitPayload))]
[JsonSerializable(typeof(GatewayHeader))]
[JsonSerializable(typeof(GatewayPayload<HelloPayload>), TypeInfoPropertyName = "HelloEvent")]
[JsonSerializable(typeof(GatewayPayload<bool?>), TypeInfoPropertyName = "InvalidSessionEvent")]
[JsonSerializable(typeof(GatewayPayload<ReadyPayload>), TypeInfoPropertyName = "ReadyEvent")]
[JsonSerializable(typeof(GatewayPayload<InteractionPayload>), TypeInfoPropertyName = "InteractionEvent")]
[JsonSerializable(typeof(GatewayPayload<GuildPayload>), TypeInfoPropertyName = "GuildEvent")]
[JsonSerializable(typeof(GatewayPayload<long?>), TypeInfoPropertyName = "HeartbeatCommand")]
[JsonSerializable(typeof(GatewayPayload<IdentifyPayload>), TypeInfoPropertyName = "IdentifyCommand")]
[JsonSerializable(typeof(GatewayPayload<ResumePayload>), TypeInfoPropertyName = "ResumeCommand")]
[JsonSerializable(typeof(GatewaySessionState))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
