namespace PetitionBot.Core.Interactions;

/// <summary>Who sees a reply. Replies are private unless a flow says otherwise.</summary>
public enum Visibility
{
    /// <summary>Only the person who acted (Discord ephemeral, Slack ephemeral / response_url).</summary>
    Private = 0,

    /// <summary>Everyone in the channel.</summary>
    Public = 1,
}
