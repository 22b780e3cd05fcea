namespace PetitionBot.Discord.Gateway;

/// <summary>One received WebSocket message: a text payload, or the close frame with its code.</summary>
internal sealed record GatewayFrame(string? Text, int? CloseCode)
{
    public bool IsClose => Text is null;

    public static GatewayFrame Message(string text) => new(text, null);

    public static GatewayFrame Closed(int? code) => new(null, code);
}
