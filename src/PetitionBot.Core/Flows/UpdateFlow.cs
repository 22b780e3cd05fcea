using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Flows;

/// <summary>/update: a chapter leader or server admin posts to the server's announcement channel (throttled per server);
/// organizers may post to every server. Posts go through the outbox and are audit-logged.</summary>
public sealed class UpdateFlow(
    IServerStore servers,
    IOutboxStore outbox,
    IAuditLog audit,
    CampaignDirectory campaigns,
    IOptionsMonitor<BotOptions> options)
{
    public const string ScopePrefix = "upc";
    public const string FormPrefix = "upf";
    private const string MessageField = "message";

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

        return await CheckServerAsync(ctx, ct) ?? Form(campaign, "here");
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

        return parts[2] == "here" && await CheckServerAsync(ctx, ct) is { } problem ? problem : Form(campaign, parts[2]);
    }

    public async Task<Reply> SubmitAsync(FlowContext ctx, string token, IReadOnlyDictionary<string, string> fields, CancellationToken ct = default)
    {
        if (!Token.TrySplit(token, FormPrefix, 3, out var parts) || campaigns.Find(parts[1]) is not { } campaign || parts[2] is not ("here" or "all"))
        {
            return Replies.Expired;
        }

        var everywhere = parts[2] == "all";
        if (everywhere ? !ctx.IsOrganizer : !ctx.IsOrganizer && !ctx.IsLeaderOrAdmin)
        {
            return Replies.NotAllowed(everywhere ? "organizers" : "chapter leaders, server admins and organizers");
        }

        var message = InputRules.MultiLine(fields.GetValueOrDefault(MessageField), "The update", 1, options.CurrentValue.Updates.MaxLength);
        if (!message.IsValid)
        {
            return new Reply
            {
                Text = message.Error! + " Nothing was posted.",
                FieldErrors = new Dictionary<string, string> { [MessageField] = message.Error! },
            };
        }

        List<ChannelRef> targets;
        string title;
        if (everywhere)
        {
            targets = (await servers.ListAsync(ct))
                .Where(s => s.DefaultCampaignId is null || s.DefaultCampaignId == campaign.Id)
                .Select(s => s.AnnouncementChannel).OfType<ChannelRef>().ToList();
            title = "Update from the campaign organizers";
        }
        else
        {
            if (await CheckServerAsync(ctx, ct) is { } problem)
            {
                return problem;
            }

            targets = [ctx.Server!.AnnouncementChannel!];
            title = ctx.Server.School is { Length: > 0 } school ? $"Update from the {school} chapter" : "Chapter update";
        }

        if (targets.Count == 0)
        {
            return Reply.Private("No server has an announcement channel yet, so nothing was posted.");
        }

        var announcement = new Announcement(DraftIds.New(), campaign.Id, AnnouncementKind.ChapterUpdate, null, null, title, message.Value, ctx.Now);
        await outbox.EnqueueAsync(announcement, targets, ct);
        // A broadcast to every server is not charged to the server it was sent from (the per-server throttle is for chapters).
        await audit.AppendAsync(new AuditEntry(AuditActions.Update, everywhere ? null : ctx.Actor.Workspace, ctx.Actor.IdentityKey,
            $"campaign={campaign.Id} scope={parts[2]} channels={targets.Count} chars={message.Value!.Length}", ctx.Now), ct);
        return Reply.Private(everywhere
            ? $"Your update is queued for {targets.Count} server(s)."
            : "Your update is queued for this server's announcement channel.");
    }

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
        var recent = await audit.CountSinceAsync(AuditActions.Update, server.Workspace, ctx.Now - limits.Window, ct);
        return recent >= limits.MaxPerWindow
            ? Reply.Private($"This server has already posted {limits.MaxPerWindow} updates in the last {Describe(limits.Window)}; " +
                            "please wait before posting another. Nothing was posted.")
            : null;
    }

    private Reply Form(CampaignDefinition campaign, string scope) => new()
    {
        Text = "Write your update.",
        Form = new FormSpec(Token.Make(FormPrefix, campaign.Id, scope), "Post an update",
            [new FormField(MessageField, "Message", options.CurrentValue.Updates.MaxLength, Multiline: true, MinLength: 1)], "Post"),
    };

    private static string Describe(TimeSpan window) =>
        window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours) ? $"{window.TotalHours:0} hours" : $"{window.TotalMinutes:0} minutes";
}
