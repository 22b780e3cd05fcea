namespace PetitionBot.Slack.SocketMode;

/// <summary>Makes a fresh transport for every connection.</summary>
internal interface ISocketModeTransportFactory
{
    ISocketModeTransport Create();
}
