using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Flows;

/// <summary>The sign flow's fixed replies and checks, shared by <see cref="SignFlow"/> and <see cref="SignEarlySteps"/>.</summary>
public static class SignReplies
{
    /// <summary>How the signature counts: role-verified when the server has a verified role the signer holds; null when the
    /// server is strict and the signer lacks it (then nothing may be signed).</summary>
    public static Verification? VerificationOf(FlowContext ctx)
    {
        if (ctx.Server?.VerifiedRoleId is not { Length: > 0 } verifiedRole)
        {
            return Verification.SelfAttested;
        }

        return ctx.Actor.RoleIds.Contains(verifiedRole, StringComparer.Ordinal) ? Verification.RoleVerified
            : ctx.Server.Strict ? null : Verification.SelfAttested;
    }

    public static Reply StrictRefusal => new()
    {
        Text = "This server accepts signatures only from members who hold its verified role. " +
               "Ask a chapter leader or server admin how to get verified, then run /sign again. Nothing was saved.",
        ReplacesPrevious = true,
    };

    public static Reply Cancelled => new() { Text = "Cancelled. Nothing was saved.", ReplacesPrevious = true };

    public static Reply NamingQuestion(CampaignDefinition campaign, string namedToken, string countedToken, Choice cancel) => new()
    {
        Title = "How do you want to sign?",
        Text = $"Sign with my name: your name, school and stage go on the list delivered to {Recipients(campaign)}.\n" +
               "Count me, withhold my name: you are counted in every total and only your school and stage are kept; " +
               "you will not be asked for your name.",
        Choices =
        [
            new Choice(namedToken, "Sign with my name", ChoiceStyle.Success),
            new Choice(countedToken, "Count me, withhold my name", ChoiceStyle.Primary),
            cancel,
        ],
        ReplacesPrevious = true,
    };


    public static Reply NotEligible(CampaignDefinition campaign) => new()
    {
        Text = $"Thank you for caring about this. This petition is only for {Roles(campaign)}, " +
               $"so nothing was saved. Everyone can sign the public petition: {campaign.ExternalUrl}",
        Choices = [Choice.Link("Open the public petition", campaign.ExternalUrl)],
        ReplacesPrevious = true,
    };


    public static string Roles(CampaignDefinition campaign) =>
        string.Join(" and ", campaign.EligibleRoles.Select(r => r.ToLowerInvariant() + "s"));

    public static string Recipients(CampaignDefinition campaign) =>
        campaign.Recipients.Count == 0 ? "the petition's recipients" : string.Join(", ", campaign.Recipients);
}
