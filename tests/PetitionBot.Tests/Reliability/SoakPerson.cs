namespace PetitionBot.Tests.Reliability;

/// <summary>One soak signer: a Discord user in a guild or a Slack user in a workspace, signing named or counted-only.</summary>
internal sealed record SoakPerson(bool Discord, string Workspace, string User, bool Named)
{
    /// <summary>How the soak names this person in its bookkeeping (Slack users are per workspace).</summary>
    public string Key => Discord ? User : Workspace + ":" + User;
}
