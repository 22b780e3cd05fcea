using System.Text.Json.Serialization;

namespace PetitionBot.Discord.Api;

/// <summary>A gateway payload <c>{op, d}</c> with typed data: what the client sends (heartbeat, identify, resume),
/// and the <c>d</c> of a received payload once its header said what it is. <c>d</c> is always written, null
/// included (a first heartbeat is <c>{"op":1,"d":null}</c>).</summary>
internal sealed record GatewayPayload<TData>(int Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] TData D);
