using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Flows;

/// <summary>/sign: eligibility → form → named / counted-only confirmation → done. State between steps lives in a draft.</summary>
public sealed class SignFlow(
    ISignatureStore signatures,
    IDraftStore drafts,
    CampaignDirectory campaigns,
    Abuse.SpikeMonitor spikes,
    IOptionsMonitor<BotOptions> options)
{
    public const string Prefix = "sg";
    public const string FormPrefix = "sgf";
    private const string FlowName = "sign";
    private const string NameField = "name";
    private const string SchoolField = "school";
    private const string StageField = "stage";

    public async Task<Reply> StartAsync(FlowContext ctx, CampaignDefinition campaign, CancellationToken ct = default)
    {
        if (campaign.IsClosed(ctx.Now))
        {
            return Replies.Closed(campaign);
        }

        if (await signatures.FindAsync(campaign.Id, ctx.Actor.IdentityKey, ct) is { } existing)
        {
            return AlreadySigned(campaign, existing);
        }

        var draft = new FlowDraft(DraftIds.New(), FlowName, ctx.Actor.IdentityKey, campaign.Id, "eligibility",
            new Dictionary<string, string>(), ctx.Now + options.CurrentValue.Flows.DraftLifetime);
        await drafts.SaveAsync(draft, ct);

        var choices = campaign.EligibleRoles
            .Select((role, i) => new Choice(Token.Make(Prefix, draft.Id, $"r{i}"), role, ChoiceStyle.Primary))
            .Append(new Choice(Token.Make(Prefix, draft.Id, "none"), "None of these"))
            .ToList();
        return new Reply
        {
            Title = campaign.Title,
            Text = $"{campaign.Summary}\n\nThis petition is signed by {string.Join(" and ", campaign.EligibleRoles.Select(r => r.ToLowerInvariant() + "s"))}. Which describes you?",
            Choices = choices,
        };
    }

    public async Task<Reply> ChooseAsync(FlowContext ctx, string token, CancellationToken ct = default)
    {
        if (!Token.TrySplit(token, Prefix, 3, out var parts))
        {
            return Replies.Expired;
        }

        var draft = await LoadAsync(ctx, parts[1], ct);
        if (draft is null || Find(draft) is not { } campaign)
        {
            return Replies.Expired;
        }

        var action = parts[2];
        return action switch
        {
            "none" => await NotEligibleAsync(draft, campaign, ct),
            "edit" when draft.Step is "form" or "confirm" => FormReply(campaign, draft, draft.Values),
            "named" or "counted" when draft.Step == "confirm" => await SignAsync(ctx, draft, campaign, named: action == "named", ct),
            "cancel" => await CancelAsync(draft, ct),
            _ when action.StartsWith('r') && int.TryParse(action.AsSpan(1), out var i) && i >= 0 && i < campaign.EligibleRoles.Count
                => await RoleChosenAsync(ctx, draft, campaign, campaign.EligibleRoles[i], ct),
            _ => Replies.Expired,
        };
    }

    public async Task<Reply> SubmitAsync(FlowContext ctx, string token, IReadOnlyDictionary<string, string> fields, CancellationToken ct = default)
    {
        if (!Token.TrySplit(token, FormPrefix, 2, out var parts))
        {
            return Replies.Expired;
        }

        var draft = await LoadAsync(ctx, parts[1], ct);
        if (draft is null || draft.Step is not ("form" or "confirm") || Find(draft) is not { } campaign)
        {
            return Replies.Expired;
        }

        var name = InputRules.PersonName(fields.GetValueOrDefault(NameField));
        var school = InputRules.School(fields.GetValueOrDefault(SchoolField));
        var stage = InputRules.Stage(fields.GetValueOrDefault(StageField), campaign.EffectiveStages);
        var errors = new Dictionary<string, string>();
        AddError(errors, NameField, name);
        AddError(errors, SchoolField, school);
        AddError(errors, StageField, stage);
        if (errors.Count > 0)
        {
            return new Reply
            {
                Text = "Please fix your answers (nothing was saved):\n" + string.Join("\n", errors.Values.Select(e => "• " + e)),
                FieldErrors = errors,
                Choices = [new Choice(Token.Make(Prefix, draft.Id, "edit"), "Edit my answers", ChoiceStyle.Primary), CancelChoice(draft)],
            };
        }

        var values = new Dictionary<string, string>(draft.Values)
        {
            [NameField] = name.Value!,
            [SchoolField] = school.Value!,
            [StageField] = stage.Value!,
        };
        await drafts.SaveAsync(draft with { Step = "confirm", Values = values }, ct);
        return new Reply
        {
            Title = "Check and sign",
            Text = $"Name: {name.Value}\nSchool or program: {school.Value}\nTraining stage: {stage.Value}\nI am a: {values["role"]}\n\n" +
                   "Sign with your name: your name, school and stage go on the list delivered to " +
                   $"{Recipients(campaign)}.\nCount me, withhold my name: you are counted in every total, " +
                   "and only your school and stage are kept; your name is never stored.",
            Choices =
            [
                new Choice(Token.Make(Prefix, draft.Id, "named"), "Sign with my name", ChoiceStyle.Success),
                new Choice(Token.Make(Prefix, draft.Id, "counted"), "Count me, withhold my name", ChoiceStyle.Primary),
                new Choice(Token.Make(Prefix, draft.Id, "edit"), "Edit"),
                CancelChoice(draft),
            ],
        };
    }

    private async Task<Reply> RoleChosenAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, string role, CancellationToken ct)
    {
        var server = ctx.Server;
        var verification = Verification.SelfAttested;
        if (server?.VerifiedRoleId is { Length: > 0 } verifiedRole)
        {
            if (ctx.Actor.RoleIds.Contains(verifiedRole, StringComparer.Ordinal))
            {
                verification = Verification.RoleVerified;
            }
            else if (server.Strict)
            {
                await drafts.DeleteAsync(draft.Id, ct);
                return new Reply
                {
                    Text = "This server accepts signatures only from members who hold its verified role. " +
                           "Ask a chapter leader or server admin how to get verified, then run /sign again. Nothing was saved.",
                    ReplacesPrevious = true,
                };
            }
        }

        var values = new Dictionary<string, string>(draft.Values) { ["role"] = role, ["verification"] = verification.ToString() };
        if (server?.School is { Length: > 0 } school && !values.ContainsKey(SchoolField))
        {
            values[SchoolField] = school;
        }

        var updated = draft with { Step = "form", Values = values };
        await drafts.SaveAsync(updated, ct);
        return FormReply(campaign, updated, values);
    }

    private Reply FormReply(CampaignDefinition campaign, FlowDraft draft, IReadOnlyDictionary<string, string> values) => new()
    {
        Text = "Please fill in the sign-up form.",
        Form = new FormSpec(Token.Make(FormPrefix, draft.Id), "Sign the petition",
        [
            new FormField(NameField, "Full name", InputRules.NameMax, Value: values.GetValueOrDefault(NameField), MinLength: 2,
                Placeholder: "As it should appear on the delivered list"),
            new FormField(SchoolField, "School or program", InputRules.SchoolMax, Value: values.GetValueOrDefault(SchoolField), MinLength: 2),
            new FormField(StageField, "Training stage", 30, Value: values.GetValueOrDefault(StageField),
                Placeholder: Clip(string.Join(", ", campaign.EffectiveStages), 100)),
        ]),
        ReplacesPrevious = true,
    };

    private async Task<Reply> SignAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, bool named, CancellationToken ct)
    {
        if (campaign.IsClosed(ctx.Now))
        {
            await drafts.DeleteAsync(draft.Id, ct);
            return Replies.Closed(campaign);
        }

        var v = draft.Values;
        var signature = new NewSignature(campaign.Id, ctx.Actor.IdentityKey, ctx.Actor.Platform, ctx.Actor.WorkspaceId,
            named ? v[NameField] : null, v[SchoolField], v[StageField], v["role"],
            Enum.TryParse<Verification>(v.GetValueOrDefault("verification"), out var verification) ? verification : Verification.SelfAttested,
            ctx.Now);
        var outcome = await signatures.AddAsync(signature,
            new MilestonePlan(campaign.Milestones, campaign.EffectiveSchoolMilestones.Where(m => m >= PublicNumbers.MinGroupSize).ToList()), ct);
        await drafts.DeleteAsync(draft.Id, ct);
        if (!outcome.Added)
        {
            return AlreadySigned(campaign, outcome.Signature) with { ReplacesPrevious = true };
        }

        await spikes.RecordAsync(ctx.Actor.Workspace, campaign.Id, ctx.Now, ct);
        Telemetry.BotMetrics.Signatures.Add(1, new KeyValuePair<string, object?>("platform", ctx.Actor.Platform.ToString().ToLowerInvariant()));
        var progress = new Progress(outcome.CampaignTotal, campaign.Goal);
        return new Reply
        {
            Title = "Signed",
            Text = $"Signed — you are one of {Replies.Count(outcome.CampaignTotal)}, {progress.Percent}% of the " +
                   $"{Replies.Count(campaign.Goal)} goal." +
                   (named ? "" : " Your name was not stored.") +
                   " Thank you! Share /sign with classmates; /unsign withdraws at any time.",
            Progress = progress,
            ReplacesPrevious = true,
        };
    }

    private async Task<Reply> NotEligibleAsync(FlowDraft draft, CampaignDefinition campaign, CancellationToken ct)
    {
        await drafts.DeleteAsync(draft.Id, ct);
        return new Reply
        {
            Text = $"Thank you for caring about this. This petition is only for {string.Join(" and ", campaign.EligibleRoles.Select(r => r.ToLowerInvariant() + "s"))}, " +
                   $"so nothing was saved. Everyone can sign the public petition: {campaign.ExternalUrl}",
            Choices = [Choice.Link("Open the public petition", campaign.ExternalUrl)],
            ReplacesPrevious = true,
        };
    }

    private async Task<Reply> CancelAsync(FlowDraft draft, CancellationToken ct)
    {
        await drafts.DeleteAsync(draft.Id, ct);
        return new Reply { Text = "Cancelled. Nothing was saved.", ReplacesPrevious = true };
    }

    private async Task<FlowDraft?> LoadAsync(FlowContext ctx, string id, CancellationToken ct)
    {
        var draft = await drafts.FindAsync(id, ctx.Actor.IdentityKey, ct);
        if (draft is null || draft.Flow != FlowName)
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

    private CampaignDefinition? Find(FlowDraft draft) => campaigns.Find(draft.CampaignId);

    private static Reply AlreadySigned(CampaignDefinition campaign, SignatureRecord existing) => new()
    {
        Title = campaign.Title,
        Text = $"You already signed this petition on {Replies.Date(existing.SignedAt)}" +
               (existing.IsNamed ? " with your name" : " as counted only") +
               ". To withdraw your signature, use /unsign.",
    };

    private static Choice CancelChoice(FlowDraft draft) => new(Token.Make(Prefix, draft.Id, "cancel"), "Cancel", ChoiceStyle.Danger);

    private static void AddError(Dictionary<string, string> errors, string field, FieldCheck check)
    {
        if (!check.IsValid)
        {
            errors[field] = check.Error!;
        }
    }

    private static string Recipients(CampaignDefinition campaign) =>
        campaign.Recipients.Count == 0 ? "the petition's recipients" : string.Join(", ", campaign.Recipients);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
