using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Flows;

/// <summary>The steps of /sign before the form is first submitted — role, named or counted, the form itself — which
/// write nothing: their state is in the <see cref="SignTokens"/> of the buttons and the form, so any process (after a
/// restart, or the other of two) takes the next step. The draft is written when the submitted answers must be kept.</summary>
public sealed class SignEarlySteps(IDraftStore drafts, CampaignDirectory campaigns, SignSchoolStep schools)
{
    public async Task<Reply> ChooseAsync(FlowContext ctx, SignTokenState token, CancellationToken ct = default)
    {
        if (campaigns.Find(token.CampaignId) is not { } campaign || token.ExpiresAt <= ctx.Now)
        {
            return Replies.Expired;
        }

        if (token.Action is "none" or "cancel")
        {
            await ForgetAsync(ctx, token.DraftId, ct);
            return token.Action == "none" ? SignReplies.NotEligible(campaign) : SignReplies.Cancelled;
        }

        if (campaign.IsClosed(ctx.Now))
        {
            return Replies.Closed(campaign);
        }

        if (!TryRole(campaign, token, out _, out var index, out var naming))
        {
            return Replies.Expired;
        }

        if (SignReplies.VerificationOf(ctx) is null)
        {
            await ForgetAsync(ctx, token.DraftId, ct);
            return SignReplies.StrictRefusal;
        }

        if (naming is null)
        {
            var chosen = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return SignReplies.NamingQuestion(campaign,
                Make(ctx, SignFlow.Prefix, token, chosen, "named"),
                Make(ctx, SignFlow.Prefix, token, chosen, "counted"),
                new Choice(Make(ctx, SignFlow.Prefix, token, SignTokens.NoRole, "cancel"), "Cancel", ChoiceStyle.Danger));
        }

        var draft = await FormDraftAsync(ctx, token, ct);
        return draft is null ? Replies.Expired : SignForm.Show(campaign, draft, formToken: Make(ctx, SignFlow.FormPrefix, token, token.Role, naming));
    }

    /// <summary>The draft the form's answers go into (not yet saved): the one of a /sign school: option when there is one,
    /// with the role, naming and verification of the token. Null when the token names nothing valid.</summary>
    public async Task<FlowDraft?> FormDraftAsync(FlowContext ctx, SignTokenState token, CancellationToken ct = default)
    {
        if (token.ExpiresAt <= ctx.Now || campaigns.Find(token.CampaignId) is not { } campaign || !TryRole(campaign, token, out var role, out _, out var naming) ||
            naming is null || SignReplies.VerificationOf(ctx) is not { } verification)
        {
            return null;
        }

        var saved = await drafts.FindAsync(token.DraftId, ctx.Actor.IdentityKey, ct);
        if (saved is not null && (saved.Flow != SignKeys.FlowName || saved.CampaignId != campaign.Id))
        {
            return null;
        }

        var values = saved?.Values ?? new Dictionary<string, string>();
        var answers = schools.Prefill(SignAnswers.From(values), null, ctx.Server) with
        {
            Role = role,
            Naming = naming == "counted" ? SignNaming.Counted : SignNaming.Named,
            Verification = verification,
        };
        return new FlowDraft(token.DraftId, SignKeys.FlowName, ctx.Actor.IdentityKey, campaign.Id, SignState.Name(SignStep.Form),
            answers.Into(values), token.ExpiresAt);
    }

    /// <summary>Action "r1" with no role yet (role 1 chosen now), or action "named" / "counted" with role 1; the role
    /// checked against the campaign.</summary>
    private static bool TryRole(CampaignDefinition campaign, SignTokenState token, out string role, out int index, out string? naming)
    {
        role = "";
        naming = token.Action is "named" or "counted" ? token.Action : null;
        var digits = naming is null
            ? token.Role == SignTokens.NoRole && token.Action.StartsWith('r') ? token.Action[1..] : ""
            : token.Role;
        if (digits.Length is 0 or > 2 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, out index) ||
            index >= campaign.EligibleRoles.Count)
        {
            index = -1;
            return false;
        }

        role = campaign.EligibleRoles[index];
        return true;
    }

    private async Task ForgetAsync(FlowContext ctx, string draftId, CancellationToken ct)
    {
        // Only a /sign school: option wrote a draft this early; look before writing.
        if (await drafts.FindAsync(draftId, ctx.Actor.IdentityKey, ct) is { Flow: SignKeys.FlowName })
        {
            await drafts.DeleteAsync(draftId, ct);
        }
    }

    private string Make(FlowContext ctx, string prefix, SignTokenState token, string role, string action) =>
        SignTokens.Make(drafts, ctx.Actor.IdentityKey, prefix, token.DraftId, token.CampaignId, role, action, token.ExpiresAt);
}
