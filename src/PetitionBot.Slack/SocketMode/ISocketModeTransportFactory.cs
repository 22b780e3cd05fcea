namespace PetitionBot.Slack.SocketMode;

/// <summary>Makes a fresh transport for every connection.</summary>
public interface ISocketModeTransportFactory
{
    ISocketModeTransport Create();
}
