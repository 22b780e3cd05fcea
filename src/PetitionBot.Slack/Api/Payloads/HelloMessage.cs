namespace PetitionBot.Slack.Api;

/// <summary><c>hello</c>: the socket is ready; <c>num_connections</c> counts the app's open sockets.</summary>
internal sealed record HelloMessage : SocketModeMessage
{
    public int? NumConnections { get; init; }
}
