namespace PetitionBot.Discord.Api;

/// <summary>The envelope of a received gateway payload without its <c>d</c>: the opcode, the sequence number (op 0)
/// and the event name (op 0). <c>d</c> is read afterwards as a <see cref="GatewayPayload{TData}"/> of the type
/// the opcode and event name call for, since Discord's JSON does not promise <c>op</c> and <c>t</c> come first.</summary>
internal sealed record GatewayHeader
{
    public required int Op { get; init; }

    public long? S { get; init; }

    public string? T { get; init; }
}
