using System.Globalization;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Model;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Flows;

/// <summary>/update: a chapter leader or server admin posts to the server's announcement channel (throttled per server);
/// organizers may post to every server. The text is written in a form, shown as a preview with Post / Edit / Cancel, and
/// only Post queues it (through the outbox, audit-logged). A text that is empty or too long comes back to be edited,
/// never thrown away; it waits in an encrypted draft until posted, cancelled or expired.</summary>
public sealed class UpdateFlow(
    IServerStore servers,
    IOutboxStore outbox,
    IAuditLog audit,
    IDraftStore drafts,
    CampaignDirectory campaigns,
    IOptionsMonitor<BotOptions> options)
{
    public const string ScopePrefix = "upc";
    public const string FormPrefix = "upf";
    public const string PreviewPrefix = "upp";
    public const string OrganizersTitle = "Update from the campaign organizers";
    private const string FlowName = "update";
    private const string MessageField = "message";
    private const string ScopeValue = "scope";

    /// <summary>The most a form field can hold on any platform (Discord text inputs: 4,000).</summary>
    private const int FieldCeiling = 4000;

    public async Task<Reply> StartAsync(FlowContext ctx, CampaignDefinition campaign, CancellationToken ct = default)
    {
        if (!ctx.IsOrganizer && !ctx.IsLeaderOrAdmin)
        {
            return Replies.NotAllowed("chapter leaders, server admins and organizers");
        }

        if (ctx.IsOrganizer)
        {
            var choices = new List<Choice>();
            if (ctx.Server?.AnnouncementChannel is not null)
            {
                choices.Add(new Choice(Token.Make(ScopePrefix, campaign.Id, "here"), "This server", ChoiceStyle.Primary));
            }

            choices.Add(new Choice(Token.Make(ScopePrefix, campaign.Id, "all"), "Every server", ChoiceStyle.Primary));
            return new Reply { Text = "Where should the update be posted?", Choices = choices };
        }

        return await CheckServerAsync(ctx, ct) ?? Form(campaign, "here", null, null);
    }

    public async Task<Reply> ChooseAsync(FlowContext ctx, string token, CancellationToken ct = default)
    {
        if (!Token.TrySplit(token, ScopePrefix, 3, out var parts) || campaigns.Find(parts[1]) is not { } campaign || parts[2] is not ("here" or "all"))
        {
            return Replies.Expired;
        }

        if (!ctx.IsOrganizer)
        {
            return Replies.NotAllowed("organizers");
        }

        return parts[2] == "here" && await CheckServerAsync(ctx, ct) is { } problem ? problem : Form(campaign, parts[2], null, null);
    }

    /// <summary>The form came back: an invalid text is returned to be edited; a valid one is previewed.</summary>
    public async Task<Reply> SubmitAsync(FlowContext ctx, string token, IReadOnlyDictionary<string, string> fields, CancellationToken ct = default)
    {
        string[] parts;
        if (!Token.TrySplit(token, FormPrefix, 3, out parts) && !Token.TrySplit(token, FormPrefix, 4, out parts))
        {
            return Replies.Expired;
        }

        if (campaigns.Find(parts[1]) is not { } campaign || parts[2] is not ("here" or "all"))
        {
            return Replies.Expired;
        }

        var scope = parts[2];
        if (Allowed(ctx, scope) is { } refusal)
        {
            return refusal;
        }

        if (scope == "here" && await CheckServerAsync(ctx, ct) is { } problem)
        {
            return problem;
        }

        var raw = fields.GetValueOrDefault(MessageField) ?? "";
        var draft = new FlowDraft(parts.Length == 4 ? parts[3] : DraftIds.New(), FlowName, ctx.Actor.IdentityKey, campaign.Id, "preview",
            new Dictionary<string, string> { [ScopeValue] = scope, [MessageField] = raw }, ctx.Now + options.CurrentValue.Flows.DraftLifetime);
        var max = options.CurrentValue.Updates.MaxLength;
        var message = InputRules.MultiLine(raw, "The update", 1, max);
        if (!message.IsValid)
        {
            var error = raw.Trim().Length == 0
                ? $"The update is empty: write the message to post (up to {Replies.Count(max)} characters)."
                : message.Error!.Contains("at most", StringComparison.Ordinal)
                    ? $"The update is {Replies.Count(raw.Trim().ReplaceLineEndings("\n").Length)} characters; the limit is {Replies.Count(max)}. Your text is kept: press Edit to shorten it."
                    : message.Error!;
            if (raw.Trim().Length > 0)
            {
                await drafts.SaveAsync(draft, ct);
            }

            return new Reply
            {
                Text = error + " Nothing was posted.",
                FieldErrors = new Dictionary<string, string> { [MessageField] = error },
                Choices = raw.Trim().Length > 0 ? [EditChoice(draft.Id), CancelChoice(draft.Id)] : [],
            };
        }

        draft = draft with { Values = new Dictionary<string, string> { [ScopeValue] = scope, [MessageField] = message.Value! } };
        await drafts.SaveAsync(draft, ct);
        var where = scope == "all" ? "every server's announcement channel" : "this server's announcement channel";
        return new Reply
        {
            Title = $"Preview — {TitleFor(ctx, scope)}",
            Text = $"{message.Value}\n\n(This is a preview. Nothing is posted to {where} until you press Post.)",
            Choices = [new Choice(Token.Make(PreviewPrefix, draft.Id, "post"), "Post", ChoiceStyle.Success), EditChoice(draft.Id), CancelChoice(draft.Id)],
        };
    }

    /// <summary>Post, Edit or Cancel under a preview (or Edit / Cancel under a refused text).</summary>
    public async Task<Reply> PreviewChoiceAsync(FlowContext ctx, string token, CancellationToken ct = default)
    {
        if (!Token.TrySplit(token, PreviewPrefix, 3, out var parts) || parts[2] is not ("post" or "edit" or "cancel"))
        {
            return Replies.Expired;
        }

        var draft = await drafts.FindAsync(parts[1], ctx.Actor.IdentityKey, ct);
        if (draft is null || draft.Flow != FlowName || draft.ExpiresAt <= ctx.Now || campaigns.Find(draft.CampaignId) is not { } campaign ||
            draft.Values.GetValueOrDefault(ScopeValue) is not ("here" or "all") || draft.Values.GetValueOrDefault(MessageField) is not { } text)
        {
            return Replies.Expired;
        }

        var scope = draft.Values[ScopeValue];
        switch (parts[2])
        {
            case "cancel":
                await drafts.DeleteAsync(draft.Id, ct);
                return new Reply { Text = "Cancelled. Nothing was posted.", ReplacesPrevious = true };
            case "edit":
                return Allowed(ctx, scope) ?? Form(campaign, scope, draft.Id, text);
        }

        if (Allowed(ctx, scope) is { } refusal)
        {
            return refusal;
        }

        var message = InputRules.MultiLine(text, "The update", 1, options.CurrentValue.Updates.MaxLength);
        if (!message.IsValid)
        {
            return Replies.Expired;
        }

        return await PostAsync(ctx, campaign, scope, draft, message.Value!, ct);
    }

    private async Task<Reply> PostAsync(FlowContext ctx, CampaignDefinition campaign, string scope, FlowDraft draft, string text, CancellationToken ct)
    {
        var everywhere = scope == "all";
        List<ChannelRef> targets;
        if (everywhere)
        {
            targets = (await servers.ListAsync(ct))
                .Where(s => s.DefaultCampaignId is null || s.DefaultCampaignId == campaign.Id)
                .Select(s => s.AnnouncementChannel).OfType<ChannelRef>().ToList();
        }
        else
        {
            if (await CheckServerAsync(ctx, ct) is { } problem)
            {
                return problem;
            }

            targets = [ctx.Server!.AnnouncementChannel!];
        }

        if (targets.Count == 0)
        {
            return Reply.Private("No server has an announcement channel yet, so nothing was posted.");
        }

        var announcement = new Announcement(DraftIds.New(), campaign.Id, AnnouncementKind.ChapterUpdate, null, null, TitleFor(ctx, scope), text, ctx.Now);
        await outbox.EnqueueAsync(announcement, targets, ct);
        await drafts.DeleteAsync(draft.Id, ct);

        // A broadcast to every server is not charged to the server it was sent from (the per-server throttle is for chapters).
        await audit.AppendAsync(new AuditEntry(AuditActions.Update, everywhere ? null : ctx.Actor.Server, ctx.Actor.IdentityKey,
            $"campaign={campaign.Id} scope={scope} channels={targets.Count} chars={text.Length}", ctx.Now), ct);
        return new Reply
        {
            Text = everywhere ? $"Your update is queued for {targets.Count} server(s)." : "Your update is queued for this server's announcement channel.",
            ReplacesPrevious = true,
        };
    }

    /// <summary>Organizers' updates say so, wherever they are posted; a chapter's carries its school.</summary>
    private static string TitleFor(FlowContext ctx, string scope) =>
        ctx.IsOrganizer || scope == "all" ? OrganizersTitle
        : ctx.Server?.School is { Length: > 0 } school ? $"Update from the {school} chapter" : "Chapter update";

    private static Reply? Allowed(FlowContext ctx, string scope) =>
        scope == "all"
            ? ctx.IsOrganizer ? null : Replies.NotAllowed("organizers")
            : ctx.IsOrganizer || ctx.IsLeaderOrAdmin ? null : Replies.NotAllowed("chapter leaders, server admins and organizers");

    /// <summary>Null when this server can take an update now; otherwise the reason as a reply.</summary>
    private async Task<Reply?> CheckServerAsync(FlowContext ctx, CancellationToken ct)
    {
        var server = ctx.Server;
        if (server?.AnnouncementChannelId is not { Length: > 0 })
        {
            return Reply.Private("This server has no announcement channel yet. A server admin can set one with /setup channel:<channel>.");
        }

        if (server.ChannelProblem is not null)
        {
            return Reply.Private("Posting to this server's announcement channel is paused because the bot could not post there " +
                                 $"({server.ChannelProblem}). A server admin can fix the channel's permissions and run /setup channel:<channel> again.");
        }

        if (ctx.IsOrganizer)
        {
            return null;
        }

        var limits = options.CurrentValue.Updates;
        // An update exactly one window old has left it: that is the moment the reply below promises.
        var recent = await audit.TimesSinceAsync(AuditActions.Update, server.Ref, ctx.Now - limits.Window + TimeSpan.FromTicks(1), ct);
        if (recent.Count < limits.MaxPerWindow)
        {
            return null;
        }

        // The oldest update still in the window leaves it first; then one more is allowed.
        var next = recent[recent.Count - limits.MaxPerWindow] + limits.Window;
        return Reply.Private($"This server has already posted {limits.MaxPerWindow} updates in the last {Describe(limits.Window)}. " +
                             $"The next update can be posted in {Describe(next - ctx.Now)} ({At(next)}). Nothing was posted.");
    }

    private Reply Form(CampaignDefinition campaign, string scope, string? draftId, string? text)
    {
        var max = options.CurrentValue.Updates.MaxLength;
        var token = draftId is null ? Token.Make(FormPrefix, campaign.Id, scope) : Token.Make(FormPrefix, campaign.Id, scope, draftId);

        // A text already over the limit comes back whole: the field is widened to hold it, the label says the limit.
        var fieldMax = Math.Min(FieldCeiling, Math.Max(max, text?.Length ?? 0));
        var value = text is { Length: > FieldCeiling } ? text[..FieldCeiling] : text;
        return new Reply
        {
            Text = text is null ? $"Write your update (up to {Replies.Count(max)} characters)." : "Edit your update.",
            Form = new FormSpec(token, "Post an update",
                [new FormField(MessageField, $"Message (up to {Replies.Count(max)} characters)", fieldMax, Multiline: true, Value: value, MinLength: 1)], "Preview"),
        };
    }

    private static Choice EditChoice(string draftId) => new(Token.Make(PreviewPrefix, draftId, "edit"), "Edit", ChoiceStyle.Secondary);

    private static Choice CancelChoice(string draftId) => new(Token.Make(PreviewPrefix, draftId, "cancel"), "Cancel", ChoiceStyle.Danger);

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("MMMM d 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan span)
    {
        if (span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours))
        {
            return span.TotalHours == 1 ? "1 hour" : $"{span.TotalHours:0} hours";
        }

        var minutes = (int)Math.Ceiling(span.TotalMinutes);
        return minutes >= 60
            ? $"{minutes / 60} hour{(minutes / 60 == 1 ? "" : "s")} {minutes % 60} minute{(minutes % 60 == 1 ? "" : "s")}"
            : $"{minutes} minute{(minutes == 1 ? "" : "s")}";
    }
}
