using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Email;
using PetitionBot.Core.Model;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Flows;

/// <summary>"Signed from another account? Prove your school email": /unsign and /mydata reach a signature verified with an
/// address, whichever account or platform made it, once this person proves the address again with the same code step
/// as /sign. Nothing about the address (not even whether it signed) is shown before the code is right.</summary>
public sealed class AddressProofFlow(
    EmailCodeStep codes,
    IEmailVerificationStore emails,
    IDraftStore drafts,
    CampaignDirectory campaigns,
    IOptionsMonitor<BotOptions> options)
{
    public const string Prefix = "ap";
    public const string FormPrefix = "apf";
    public const string FlowName = "proof";
    public const string ChoiceLabel = "Signed from another account? Prove your school email";

    private const string PurposeKey = "purpose";
    private const string Unsign = "unsign";
    private const string MyData = "mydata";
    private const string AllCampaigns = "*";

    /// <summary>The button that starts the proof for /unsign of <paramref name="campaignId"/>.</summary>
    public static Choice ForUnsign(string campaignId) => new(Token.Make(Prefix, "u", campaignId), ChoiceLabel, ChoiceStyle.Primary);

    /// <summary>The button that starts the proof for /mydata.</summary>
    public static Choice ForMyData() => new(Token.Make(Prefix, "m", "all"), ChoiceLabel, ChoiceStyle.Primary);

    public async Task<Reply> ChooseAsync(FlowContext ctx, string token, CancellationToken ct = default)
    {
        if (!Token.TrySplit(token, Prefix, 3, out var parts))
        {
            return Replies.Expired;
        }

        if (parts[1] is "u" or "m")
        {
            return await BeginAsync(ctx, parts[1] == "u" ? Unsign : MyData, parts[1] == "u" ? parts[2] : AllCampaigns, ct);
        }

        var draft = await LoadAsync(ctx, parts[1], ct);
        if (draft is null)
        {
            return Replies.Expired;
        }

        var proven = draft.Step == "proven";
        return parts[2] switch
        {
            "verify" when !proven => AddressForm(draft),
            "code" when draft.Step == "code" => await codes.FailedSendAsync(draft, ct) is { } down
                ? NotSent(draft, down)
                : new Reply { Text = "Type the 6-digit code from the email.", Form = EmailCodeStep.CodeForm(Token.Make(FormPrefix, draft.Id, "code")) },
            "resend" when draft.Step == "code" && await codes.FailedSendAsync(draft, ct) is { } down => NotSent(draft, down),
            "resend" when draft.Step == "code" && EmailCodeStep.PendingAddress(draft) is { } address => await SendAsync(ctx, draft, address, ct),
            "withdraw" when proven && draft.Values[PurposeKey] == Unsign => await WithdrawAsync(draft, ct),
            "delete" when proven && draft.Values[PurposeKey] == MyData => await DeleteAllAsync(draft, ct),
            "cancel" => await EndAsync(draft, "Nothing was changed.", ct),
            _ => Replies.Expired,
        };
    }

    public async Task<Reply> SubmitAsync(FlowContext ctx, string token, IReadOnlyDictionary<string, string> fields, CancellationToken ct = default)
    {
        if (!Token.TrySplit(token, FormPrefix, 3, out var parts) || await LoadAsync(ctx, parts[1], ct) is not { } draft || draft.Step == "proven")
        {
            return Replies.Expired;
        }

        if (parts[2] == "email")
        {
            var address = EmailAddressRules.Address(fields.GetValueOrDefault(EmailCodeStep.AddressField));
            return address.IsValid
                ? await SendAsync(ctx, draft, address.Value!, ct)
                : Problem(draft, EmailCodeStep.AddressField, address.Error!, "Type it again", "verify");
        }

        if (parts[2] != "code" || draft.Step != "code")
        {
            return Replies.Expired;
        }

        var result = await codes.CheckAsync(ctx, draft, fields.GetValueOrDefault(EmailCodeStep.CodeField), ct);
        var restart = draft.Values[PurposeKey] == Unsign ? "/unsign" : "/mydata";
        return result.Status switch
        {
            EmailStepStatus.Proven => await ProvenAsync(result.Draft, result.Address!, ct),
            EmailStepStatus.TooManyTries => new Reply { Text = EmailCodeStep.Say(result, false, restart), ReplacesPrevious = true },
            EmailStepStatus.MailDown => NotSent(draft, result),
            EmailStepStatus.Expired => new Reply { Text = EmailCodeStep.Say(result, false, restart), Choices = CodeChoices(draft, enter: false) },
            _ => Problem(draft, EmailCodeStep.CodeField, EmailCodeStep.Say(result, false, restart), "Enter code", "code"),
        };
    }

    private async Task<Reply> BeginAsync(FlowContext ctx, string purpose, string campaignId, CancellationToken ct)
    {
        if (purpose == Unsign && campaigns.Find(campaignId) is null)
        {
            return Replies.Expired;
        }

        var draft = new FlowDraft(DraftIds.New(), FlowName, ctx.Actor.IdentityKey, campaignId, "address",
            new Dictionary<string, string> { [PurposeKey] = purpose }, ctx.Now + options.CurrentValue.Flows.DraftLifetime);
        await drafts.SaveAsync(draft, ct);
        return AddressForm(draft);
    }

    private static Reply AddressForm(FlowDraft draft) => new()
    {
        Text = "Type the school email address you signed with; we will mail you a 6-digit code.",
        Form = EmailCodeStep.AddressForm(Token.Make(FormPrefix, draft.Id, "email"), EmailCodeStep.PendingAddress(draft)),
    };

    private async Task<Reply> SendAsync(FlowContext ctx, FlowDraft draft, string address, CancellationToken ct)
    {
        var title = campaigns.Find(draft.CampaignId)?.Title ?? "PetitionBot";
        var purpose = draft.Values[PurposeKey] == Unsign ? VerificationPurpose.Unsign : VerificationPurpose.MyData;
        var result = await codes.SendAsync(ctx, draft, address, title, "code", purpose, ct);
        var text = EmailCodeStep.Say(result, ctx.Actor.Platform == PlatformKind.Console, "the command");
        return result.Status == EmailStepStatus.Sent
            ? new Reply { Text = text, Choices = CodeChoices(result.Draft, enter: true), ReplacesPrevious = true }
            : NotSent(draft, result);
    }

    private static Reply NotSent(FlowDraft draft, EmailStepResult result) =>
        new() { Text = EmailCodeStep.Say(result, false, "the command"), Choices = [Cancel(draft)], ReplacesPrevious = true };

    private async Task<Reply> ProvenAsync(FlowDraft draft, string address, CancellationToken ct)
    {
        var proven = draft with { Step = "proven" };
        if (draft.Values[PurposeKey] == Unsign)
        {
            var campaign = campaigns.Find(draft.CampaignId)!;
            if (await emails.FindByEmailAsync(campaign.Id, address, ct) is not { } found)
            {
                return await EndAsync(draft, "That address is proven, but no signature of this petition was verified with it, so there is nothing to withdraw.", ct);
            }

            await drafts.SaveAsync(proven, ct);
            return new Reply
            {
                Title = campaign.Title,
                Text = $"This address signed on {SignCompletion.PlatformName(found.Platform)} on {Replies.Date(found.SignedAt)}. Withdraw that signature? " +
                       "It will be deleted with everything stored about it, and the totals will drop by one.",
                Choices = [new Choice(Token.Make(Prefix, draft.Id, "withdraw"), "Withdraw my signature", ChoiceStyle.Danger), Cancel(draft, "Keep it")],
                ReplacesPrevious = true,
            };
        }

        var all = await emails.FindAllByEmailAsync(address, ct);
        if (all.Count == 0)
        {
            return await EndAsync(draft, "That address is proven, but no signature was verified with it, so PetitionBot stores nothing about it.", ct);
        }

        await drafts.SaveAsync(proven, ct);
        return new Reply
        {
            Title = "Signatures made with this address",
            Text = MyDataFlow.Describe(all, campaigns) + "\nThe address itself is kept only as a keyed fingerprint with its domain, never in clear.",
            Choices = [new Choice(Token.Make(Prefix, draft.Id, "delete"), "Delete these signatures", ChoiceStyle.Danger), Cancel(draft, "Keep them")],
            ReplacesPrevious = true,
        };
    }

    private async Task<Reply> WithdrawAsync(FlowDraft draft, CancellationToken ct)
    {
        var removed = EmailCodeStep.PendingAddress(draft) is { } address && await emails.RemoveByEmailAsync(draft.CampaignId, address, ct);
        return await EndAsync(draft, removed
            ? "That signature and its data were deleted. You can sign again at any time with /sign."
            : "There was no such signature any more; nothing was changed.", ct);
    }

    private async Task<Reply> DeleteAllAsync(FlowDraft draft, CancellationToken ct)
    {
        var removed = 0;
        if (EmailCodeStep.PendingAddress(draft) is { } address)
        {
            foreach (var s in await emails.FindAllByEmailAsync(address, ct))
            {
                removed += await emails.RemoveByEmailAsync(s.CampaignId, address, ct) ? 1 : 0;
            }
        }

        return await EndAsync(draft, $"Deleted {removed} signature(s) made with that address, and their data.", ct);
    }

    private async Task<Reply> EndAsync(FlowDraft draft, string text, CancellationToken ct)
    {
        await drafts.DeleteAsync(draft.Id, ct);
        return new Reply { Text = text, ReplacesPrevious = true };
    }

    private async Task<FlowDraft?> LoadAsync(FlowContext ctx, string id, CancellationToken ct)
    {
        var draft = await drafts.FindAsync(id, ctx.Actor.IdentityKey, ct);
        if (draft is null || draft.Flow != FlowName || !draft.Values.ContainsKey(PurposeKey))
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

    private static IReadOnlyList<Choice> CodeChoices(FlowDraft draft, bool enter) =>
    [
        .. enter ? [new Choice(Token.Make(Prefix, draft.Id, "code"), "Enter code", ChoiceStyle.Success)] : Array.Empty<Choice>(),
        new Choice(Token.Make(Prefix, draft.Id, "resend"), "Resend code", enter ? ChoiceStyle.Secondary : ChoiceStyle.Primary),
        new Choice(Token.Make(Prefix, draft.Id, "verify"), "Use another address"),
        Cancel(draft),
    ];

    private static Choice Cancel(FlowDraft draft, string label = "Cancel") => new(Token.Make(Prefix, draft.Id, "cancel"), label);

    private static Reply Problem(FlowDraft draft, string field, string error, string again, string action) => new()
    {
        Text = error,
        FieldErrors = new Dictionary<string, string> { [field] = error },
        Choices = [new Choice(Token.Make(Prefix, draft.Id, action), again, ChoiceStyle.Primary), Cancel(draft)],
    };
}
