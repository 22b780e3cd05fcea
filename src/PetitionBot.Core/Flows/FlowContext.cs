using PetitionBot.Core.Model;

namespace PetitionBot.Core.Flows;

/// <summary>Everything a flow step needs to know about who acts, where, and when.</summary>
public sealed record FlowContext(Actor Actor, string? ChannelId, ServerSettings? Server, bool IsOrganizer, DateTimeOffset Now)
{
    public bool IsLeaderOrAdmin => Campaigns.AccessPolicy.IsLeaderOrAdmin(Actor, Server);
}
