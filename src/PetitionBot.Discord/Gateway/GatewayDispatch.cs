using System.Text.Json;

namespace PetitionBot.Discord.Gateway;

/// <summary>An op 0 event handed from the read loop to the workers. <paramref name="ReceivedAt"/> is a
/// <see cref="TimeProvider.GetTimestamp"/> value, so the 3-second interaction deadline is measured from receipt.</summary>
internal sealed record GatewayDispatch(string EventName, JsonElement Data, long ReceivedAt);
