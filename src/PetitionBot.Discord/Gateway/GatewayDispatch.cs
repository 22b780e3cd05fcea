namespace PetitionBot.Discord.Gateway;

/// <summary>An op 0 event handed from the read loop to the workers: its name and the whole payload as received, read
/// into its typed data on the worker (the read loop only reads the header). <paramref name="ReceivedAt"/> is a
/// <see cref="TimeProvider.GetTimestamp"/> value, so the 3-second interaction deadline is measured from receipt.</summary>
internal sealed record GatewayDispatch(string EventName, string Payload, long ReceivedAt);
