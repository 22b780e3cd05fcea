using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Email;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Core.Flows;

/// <summary>/sign: eligibility → named or counted only → form (the name only when named) → the school picked when the
/// typed one is not clear → preview → (email code when the campaign verifies) → done. State between steps lives in a
/// draft; each step's details live in <see cref="SignForm"/>, <see cref="SignSchoolStep"/>, <see cref="SignEmailStep"/>
/// and <see cref="SignCompletion"/>.</summary>
public sealed class SignFlow(
    ISignatureStore signatures,
    IDraftStore drafts,
    CampaignDirectory campaigns,
    SignSchoolStep schools,
    SignEmailStep email,
    SignCompletion completion,
    SignEarlySteps early,
    IOptionsMonitor<BotOptions> options)
{
    public const string Prefix = "sg";
    public const string FormPrefix = "sgf";

    public async Task<Reply> StartAsync(FlowContext ctx, CampaignDefinition campaign, string? school = null, CancellationToken ct = default)
    {
        if (campaign.IsClosed(ctx.Now))
        {
            return Replies.Closed(campaign);
        }

        if (await signatures.FindAsync(campaign.Id, ctx.Actor.IdentityKey, ct) is { } existing)
        {
            return SignCompletion.AlreadySigned(campaign, existing, ctx.Actor.Platform);
        }

        // No draft yet: the role and the naming ride in MAC'd tokens (SignTokens); the draft is written once, when the
        // form's answers must be kept. Only a /sign school: option is kept from here, as it is typed text.
        var id = DraftIds.New();
        var expires = ctx.Now + options.CurrentValue.Flows.DraftLifetime;
        if (!string.IsNullOrWhiteSpace(school))
        {
            var answers = schools.Prefill(new SignAnswers(), school, ctx.Server);
            await drafts.SaveAsync(new FlowDraft(id, SignKeys.FlowName, ctx.Actor.IdentityKey, campaign.Id, SignState.Name(SignStep.Eligibility),
                answers.Into(new Dictionary<string, string>()), expires), ct);
        }

        var choices = campaign.EligibleRoles
            .Select((role, i) => new Choice(StateToken(ctx, id, campaign, $"r{i}", expires), role, ChoiceStyle.Primary))
            .Append(new Choice(StateToken(ctx, id, campaign, "none", expires), "None of these"))
            .ToList();
        return new Reply
        {
            Title = campaign.Title,
            Text = $"{campaign.Summary}\n\nThis petition is signed by {SignReplies.Roles(campaign)}. Which describes you?",
            Choices = choices,
        };
    }

    public async Task<Reply> ChooseAsync(FlowContext ctx, string token, CancellationToken ct = default)
    {
        if (SignTokens.TryRead(drafts, ctx.Actor.IdentityKey, token, Prefix, out var state))
        {
            return state.Role.StartsWith('s') && state.ExpiresAt > ctx.Now ? await PickedAsync(ctx, state, ct) : await early.ChooseAsync(ctx, state, ct);
        }

        if (!Token.TrySplit(token, Prefix, 3, out var parts))
        {
            return Replies.Expired;
        }

        var draft = await LoadAsync(ctx, parts[1], ct);
        if (draft is null || campaigns.Find(draft.CampaignId) is not { } campaign)
        {
            return Replies.Expired;
        }

        var action = parts[2];
        var step = draft.Step();
        var mode = campaign.VerificationMode ?? VerificationMode.None;
        return action switch
        {
            "none" when step == SignStep.Eligibility => await NotEligibleAsync(draft, campaign, ct),
            "named" or "counted" when step is SignStep.Naming or SignStep.Form =>
                await NamingChosenAsync(draft, campaign, action == "counted" ? SignNaming.Counted : SignNaming.Named, ct),
            "edit" when step is SignStep.Form or SignStep.School or SignStep.Confirm or SignStep.Code => await EditAsync(draft, campaign, ct),
            "sign" when step == SignStep.Confirm && mode == VerificationMode.None => await SignSelfAsync(ctx, draft, campaign, ct),
            "skip" when step == SignStep.Confirm && mode == VerificationMode.Email => await SignSelfAsync(ctx, draft, campaign, ct),
            "verify" when step is SignStep.Confirm or SignStep.Code && mode != VerificationMode.None => SignEmailStep.OpenAddressForm(draft),
            "code" when step == SignStep.Code => await email.OpenCodeFormAsync(ctx, draft, ct),
            "resend" when step == SignStep.Code => await email.ResendAsync(ctx, draft, campaign, ct),
            "cancel" => await CancelAsync(draft, ct),
            _ when step == SignStep.School && action.StartsWith('s') => await SchoolPickedAsync(ctx, draft, campaign, action, ct),
            _ when step == SignStep.Eligibility && action.StartsWith('r') && int.TryParse(action.AsSpan(1), out var i) && i >= 0 && i < campaign.EligibleRoles.Count
                => await RoleChosenAsync(ctx, draft, campaign, campaign.EligibleRoles[i], ct),
            _ => Replies.Expired,
        };
    }

    public async Task<Reply> SubmitAsync(FlowContext ctx, string token, IReadOnlyDictionary<string, string> fields, CancellationToken ct = default)
    {
        if (SignTokens.TryRead(drafts, ctx.Actor.IdentityKey, token, FormPrefix, out var state))
        {
            return await early.FormDraftAsync(ctx, state, ct) is { } started && campaigns.Find(started.CampaignId) is { } c
                ? await SubmitFormAsync(ctx, started, c, fields, ct)
                : Replies.Expired;
        }

        string form;
        if (Token.TrySplit(token, FormPrefix, 2, out var parts))
        {
            form = "main";
        }
        else if (Token.TrySplit(token, FormPrefix, 3, out parts))
        {
            form = parts[2];
        }
        else
        {
            return Replies.Expired;
        }

        var draft = await LoadAsync(ctx, parts[1], ct);
        if (draft is null || campaigns.Find(draft.CampaignId) is not { } campaign)
        {
            return Replies.Expired;
        }

        var verifies = (campaign.VerificationMode ?? VerificationMode.None) != VerificationMode.None;
        var step = draft.Step();
        return form switch
        {
            "main" when step is SignStep.Form or SignStep.School or SignStep.Confirm => await SubmitFormAsync(ctx, draft, campaign, fields, ct),
            SignEmailStep.AddressForm when verifies && step is SignStep.Confirm or SignStep.Code =>
                await email.SubmitAddressAsync(ctx, draft, campaign, fields.GetValueOrDefault(EmailCodeStep.AddressField), ct),
            SignEmailStep.CodeForm when verifies && step == SignStep.Code =>
                await email.SubmitCodeAsync(ctx, draft, campaign, fields.GetValueOrDefault(EmailCodeStep.CodeField), ct),
            _ => Replies.Expired,
        };
    }

    private string StateToken(FlowContext ctx, string id, CampaignDefinition campaign, string state, DateTimeOffset expires) =>
        SignTokens.Make(drafts, ctx.Actor.IdentityKey, Prefix, id, campaign.Id, SignTokens.NoRole, state, expires);

    public static Choice CancelChoice(FlowDraft draft) => new(Token.Make(Prefix, draft.Id, "cancel"), "Cancel", ChoiceStyle.Danger);

    private async Task<Reply> RoleChosenAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, string role, CancellationToken ct)
    {
        if (SignReplies.VerificationOf(ctx) is not { } verification)
        {
            await drafts.DeleteAsync(draft.Id, ct);
            return SignReplies.StrictRefusal;
        }

        var updated = draft.At(SignStep.Naming, draft.Answers() with { Role = role, Verification = verification });
        await drafts.SaveAsync(updated, ct);
        return SignReplies.NamingQuestion(campaign, Token.Make(Prefix, draft.Id, "named"), Token.Make(Prefix, draft.Id, "counted"), CancelChoice(draft));
    }

    private async Task<Reply> NamingChosenAsync(FlowDraft draft, CampaignDefinition campaign, SignNaming naming, CancellationToken ct)
    {
        var updated = draft.At(SignStep.Form, draft.Answers() with { Naming = naming });
        await drafts.SaveAsync(updated, ct);
        return SignForm.Show(campaign, updated);
    }

    private async Task<Reply> EditAsync(FlowDraft draft, CampaignDefinition campaign, CancellationToken ct)
    {
        var updated = EmailCodeStep.Forget(draft).At(SignStep.Form);
        await drafts.SaveAsync(updated, ct);
        return SignForm.Show(campaign, updated);
    }

    private async Task<Reply> SubmitFormAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, IReadOnlyDictionary<string, string> fields,
        CancellationToken ct)
    {
        var (answers, errors) = SignForm.Check(campaign, draft.Answers(), fields);
        var address = SignForm.Address(campaign, fields);
        if (address is { IsValid: false, Error: { } wrong })
        {
            errors[EmailCodeStep.AddressField] = wrong;
        }

        if (errors.Count > 0)
        {
            await drafts.SaveAsync(draft.At(SignStep.Form, answers), ct);
            return SignForm.Errors(draft, errors);
        }

        // A school email typed in the form waits in the draft until the school is settled (its domain must match it).
        var typed = address?.Value is { } value ? EmailCodeStep.WithAddress(draft, value) : draft;
        var (settled, resolved) = schools.Resolve(answers);
        if (!settled)
        {
            var asking = typed.At(SignStep.School, resolved);
            await drafts.SaveAsync(asking, ct);
            return schools.Ask(asking);
        }

        return address?.Value is { } mailTo
            ? await email.SendFromFormAsync(ctx, typed.At(SignStep.Confirm, resolved), campaign, mailTo, SignReplies.Recipients(campaign), ct)
            : await ConfirmAsync(draft.With(resolved), campaign, ct);
    }

    /// <summary>A school picked. With a school email waiting from the form, the code is mailed now. Otherwise the preview
    /// is shown without writing; its buttons carry the pick (MAC'd), applied again to the draft when one is pressed
    /// (<see cref="PickedAsync"/>).</summary>
    private async Task<Reply> SchoolPickedAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, string pick, CancellationToken ct)
    {
        if (EmailCodeStep.PendingAddress(draft) is { } waiting && (campaign.VerificationMode ?? VerificationMode.None) != VerificationMode.None)
        {
            return schools.Pick(draft.Answers(), pick) is { } chosen
                ? await email.SendFromFormAsync(ctx, draft.At(SignStep.Confirm, chosen), campaign, waiting, SignReplies.Recipients(campaign), ct)
                : Replies.Expired;
        }

        return schools.Pick(draft.Answers(), pick) is { } picked
            ? SignPreview.Show(draft.At(SignStep.Confirm, picked), campaign, SignReplies.Recipients(campaign),
                // "sother" rides as "so" so the longest token stays within Choice.MaxTokenLength.
                action => SignTokens.Make(drafts, ctx.Actor.IdentityKey, Prefix, draft.Id, campaign.Id, pick == "sother" ? "so" : pick, action, draft.ExpiresAt))
            : Replies.Expired;
    }

    /// <summary>A preview button pressed after a school pick: the pick goes into the draft, then the button's action.</summary>
    private async Task<Reply> PickedAsync(FlowContext ctx, SignTokenState token, CancellationToken ct)
    {
        var draft = await LoadAsync(ctx, token.DraftId, ct);
        if (draft is null || draft.Step() != SignStep.School || draft.CampaignId != token.CampaignId || campaigns.Find(draft.CampaignId) is not { } campaign)
        {
            return Replies.Expired;
        }

        if (schools.Pick(draft.Answers(), token.Role == "so" ? "sother" : token.Role) is not { } picked)
        {
            return Replies.Expired;
        }

        var confirmed = draft.At(SignStep.Confirm, picked);
        var mode = campaign.VerificationMode ?? VerificationMode.None;
        switch (token.Action)
        {
            case "sign" when mode == VerificationMode.None:
            case "skip" when mode == VerificationMode.Email:
                return await SignSelfAsync(ctx, confirmed, campaign, ct);
            case "verify" when mode != VerificationMode.None:
                await drafts.SaveAsync(confirmed, ct);
                return SignEmailStep.OpenAddressForm(confirmed);
            case "edit":
                return await EditAsync(confirmed, campaign, ct);
            default:
                return Replies.Expired;
        }
    }

    private async Task<Reply> ConfirmAsync(FlowDraft draft, CampaignDefinition campaign, CancellationToken ct)
    {
        var confirm = draft.At(SignStep.Confirm);
        await drafts.SaveAsync(confirm, ct);
        return SignPreview.Show(confirm, campaign, SignReplies.Recipients(campaign));
    }

    private async Task<Reply> SignSelfAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, CancellationToken ct) =>
        await completion.SignAsync(ctx, draft, campaign, draft.Answers().Verification ?? Verification.SelfAttested, null, ct);

    private async Task<Reply> NotEligibleAsync(FlowDraft draft, CampaignDefinition campaign, CancellationToken ct)
    {
        await drafts.DeleteAsync(draft.Id, ct);
        return SignReplies.NotEligible(campaign);
    }

    private async Task<Reply> CancelAsync(FlowDraft draft, CancellationToken ct)
    {
        await drafts.DeleteAsync(draft.Id, ct);
        return SignReplies.Cancelled;
    }

    internal async Task<FlowDraft?> LoadAsync(FlowContext ctx, string id, CancellationToken ct)
    {
        var draft = await drafts.FindAsync(id, ctx.Actor.IdentityKey, ct);
        if (draft is null || draft.Flow != SignKeys.FlowName)
        {
            return null;
        }

        if (draft.ExpiresAt <= ctx.Now)
        {
            await drafts.DeleteAsync(draft.Id, ct);
            return null;
        }

        return draft;
    }
}
