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

        if (token.State is "none" or "x")
        {
            await ForgetAsync(ctx, token.DraftId, ct);
            return token.State == "none" ? SignFlow.NotEligible(campaign) : SignFlow.Cancelled;
        }

        if (campaign.IsClosed(ctx.Now))
        {
            return Replies.Closed(campaign);
        }

        if (!TryRole(campaign, token.State, out _, out var naming))
        {
            return Replies.Expired;
        }

        if (SignFlow.VerificationOf(ctx) is null)
        {
            await ForgetAsync(ctx, token.DraftId, ct);
            return SignFlow.StrictRefusal;
        }

        if (naming is null)
        {
            return SignFlow.NamingQuestion(campaign,
                Make(ctx, SignFlow.Prefix, token, token.State + "n"),
                Make(ctx, SignFlow.Prefix, token, token.State + "c"),
                new Choice(Make(ctx, SignFlow.Prefix, token, "x"), "Cancel", ChoiceStyle.Danger));
        }

        var draft = await FormDraftAsync(ctx, token, ct);
        return draft is null ? Replies.Expired : SignForm.Show(campaign, draft, formToken: Make(ctx, SignFlow.FormPrefix, token, token.State));
    }

    /// <summary>The draft the form's answers go into (not yet saved): the one of a /sign school: option when there is one,
    /// with the role, naming and verification of the token. Null when the token names nothing valid.</summary>
    public async Task<FlowDraft?> FormDraftAsync(FlowContext ctx, SignTokenState token, CancellationToken ct = default)
    {
        if (token.ExpiresAt <= ctx.Now || campaigns.Find(token.CampaignId) is not { } campaign || !TryRole(campaign, token.State, out var role, out var naming) ||
            naming is null || SignFlow.VerificationOf(ctx) is not { } verification)
        {
            return null;
        }

        var saved = await drafts.FindAsync(token.DraftId, ctx.Actor.IdentityKey, ct);
        if (saved is not null && (saved.Flow != SignKeys.FlowName || saved.CampaignId != campaign.Id))
        {
            return null;
        }

        var values = saved is null ? [] : new Dictionary<string, string>(saved.Values);
        schools.Prefill(values, null, ctx.Server);
        values[SignKeys.Role] = role;
        values[SignKeys.Naming] = naming;
        values[SignKeys.Verification] = verification.ToString();
        return new FlowDraft(token.DraftId, SignKeys.FlowName, ctx.Actor.IdentityKey, campaign.Id, SignKeys.StepForm, values,
            token.ExpiresAt);
    }

    /// <summary>"r1" (role 1) or "r1n" / "r1c" (role 1, named / counted), the role checked against the campaign.</summary>
    private static bool TryRole(CampaignDefinition campaign, string state, out string role, out string? naming)
    {
        role = "";
        naming = state.EndsWith('n') ? "named" : state.EndsWith('c') ? "counted" : null;
        var digits = naming is null ? state.AsSpan(1) : state.AsSpan(1, state.Length - 2);
        if (state.Length < 2 || state[0] != 'r' || digits.Length is 0 or > 2 || !int.TryParse(digits, out var i) ||
            i < 0 || i >= campaign.EligibleRoles.Count)
        {
            return false;
        }

        role = campaign.EligibleRoles[i];
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

    private string Make(FlowContext ctx, string prefix, SignTokenState token, string state) =>
        SignTokens.Make(drafts, ctx.Actor.IdentityKey, prefix, token.DraftId, token.CampaignId, state, token.ExpiresAt);
}
