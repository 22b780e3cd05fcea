using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Schools;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Core.Flows;

/// <summary>The last step of /sign: saves the signature from the draft (with the proven address when there is one),
/// deletes the draft, and says where the campaign stands.</summary>
public sealed class SignCompletion(ISignatureStore signatures, IDraftStore drafts, Abuse.SpikeMonitor spikes)
{
    public async Task<Reply> SignAsync(FlowContext ctx, FlowDraft draft, CampaignDefinition campaign, Verification verification,
        string? emailAddress, CancellationToken ct = default)
    {
        if (campaign.IsClosed(ctx.Now))
        {
            await drafts.DeleteAsync(draft.Id, ct);
            return Replies.Closed(campaign);
        }

        var answers = draft.Answers();
        var named = answers.IsNamed;
        var signer = new SignerAnswers(ctx.Actor.Platform, ctx.Actor.ServerId, named ? Required(answers.Name) : null, Required(answers.School),
            Required(answers.Stage), Required(answers.Role), verification, ctx.Now, answers.SchoolId ?? School.OtherId);
        var signature = new NewSignature(campaign.Id, ctx.Actor.IdentityKey, signer, emailAddress, draft.Id);
        var outcome = await signatures.AddAsync(signature,
            new MilestonePlan(campaign.Milestones, campaign.EffectiveSchoolMilestones.Where(m => m >= PublicNumbers.MinGroupSize).ToList(), campaign), ct);
        if (!outcome.Added)
        {
            // Added, the store deleted the draft with the signature; a repeat changed nothing, so delete it here.
            await drafts.DeleteAsync(draft.Id, ct);
            return AlreadySigned(campaign, outcome.Signature, ctx.Actor.Platform, byEmail: emailAddress is not null) with { ReplacesPrevious = true };
        }

        await spikes.RecordAsync(ctx.Actor.Server, campaign.Id, ctx.Now, ct);
        Telemetry.BotMetrics.Signatures.Add(1, new KeyValuePair<string, object?>("platform", ctx.Actor.Platform.ToString().ToLowerInvariant()));
        var progress = new Progress(outcome.CampaignTotal, campaign.Goal);
        var standing = outcome.CampaignTotal == 1
            ? $"Signed — you are the first to sign, toward the {Replies.Count(campaign.Goal)} goal."
            : $"Signed — you are one of {Replies.Count(outcome.CampaignTotal)}, {progress.Percent}% of the {Replies.Count(campaign.Goal)} goal.";
        return new Reply
        {
            Title = "Signed",
            Text = standing +
                   (verification == Verification.SchoolEmail && outcome.Signature.EmailDomain is { } domain
                       ? $" Verified by school email ({domain}); the address itself is not kept."
                       : verification == Verification.SchoolEmail ? " Verified by school email; the address itself is not kept." : "") +
                   (named ? "" : " Your name was not stored.") +
                   " Thank you! Share /sign with classmates; /unsign withdraws at any time.",
            Progress = progress,
            Choices = AfterSigning(ctx, campaign),
            ReplacesPrevious = true,
        };
    }

    /// <summary>An answer the steps before the preview always set (a draft without it cannot reach signing).</summary>
    private static string Required(string? answer) =>
        answer ?? throw new InvalidOperationException("A /sign draft reached signing without all of its answers.");

    /// <summary>"You already signed … on &lt;date&gt;", naming the platform when it is not the one asking.</summary>
    public static Reply AlreadySigned(CampaignDefinition campaign, SignatureRecord existing, PlatformKind asking, bool byEmail = false) => new()
    {
        Title = campaign.Title,
        Text = existing.Platform == asking && !byEmail
            ? $"You already signed this petition on {Replies.Date(existing.SignedAt)}" +
              (existing.IsNamed ? " with your name" : " as counted only") + ". To withdraw your signature, use /unsign."
            : $"You already signed on {PlatformName(existing.Platform)} on {Replies.Date(existing.SignedAt)} with this school email, so nothing was added: " +
              "one person signs once. To withdraw that signature, use /unsign and prove the address again.",
    };

    public static string PlatformName(PlatformKind platform) => platform switch
    {
        PlatformKind.Discord => "Discord",
        PlatformKind.Slack => "Slack",
        _ => "the local console",
    };

    /// <summary>Buttons under the "Signed" reply. Kept as the one place for follow-ups: the notification opt-in.</summary>
    private static IReadOnlyList<Choice> AfterSigning(FlowContext ctx, CampaignDefinition campaign)
    {
        _ = ctx;
        return NotificationFlow.Offer(campaign);
    }
}
