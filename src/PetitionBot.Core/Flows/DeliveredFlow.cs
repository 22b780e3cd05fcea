using System.Globalization;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Model;

namespace PetitionBot.Core.Flows;

/// <summary>/delivered (organizers): marks the petition delivered to its recipients, once per campaign. It is announced
/// to every announcement channel and, when the campaign offers notifications, sent privately to each signer who opted in,
/// both through the outbox. Repeating the command changes nothing and sends nothing again.</summary>
public sealed class DeliveredFlow(IOutboxStore outbox, IServerStore servers, NotificationFlow notify, IAuditLog audit)
{
    public const string DeliveredAction = "delivered";

    public async Task<Reply> RecordAsync(FlowContext ctx, CampaignDefinition campaign, IReadOnlyDictionary<string, string> options,
        CancellationToken ct = default)
    {
        if (!ctx.IsOrganizer)
        {
            return Replies.NotAllowed("organizers");
        }

        var today = DateOnly.FromDateTime(ctx.Now.UtcDateTime);
        var date = today;
        if (options.GetValueOrDefault(CommandCatalog.DateOption) is { Length: > 0 } rawDate
            && (!DateOnly.TryParseExact(rawDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) || date > today.AddDays(1)))
        {
            return Reply.Private("The date must be written YYYY-MM-DD and not be in the future. Nothing was recorded.");
        }

        string? link = null;
        if (options.GetValueOrDefault(CommandCatalog.LinkOption) is { } rawLink && !string.IsNullOrWhiteSpace(rawLink))
        {
            if (!Uri.TryCreate(rawLink.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || rawLink.Trim().Length > 500)
            {
                return Reply.Private("The link must be an https:// address of at most 500 characters. Nothing was recorded.");
            }

            link = uri.AbsoluteUri;
        }

        var id = AnnouncementId(campaign.Id);
        if (await outbox.FindAnnouncementAsync(id, ct) is { } existing)
        {
            // Sending again is a no-op per subscriber set; it also completes a fan-out a crash may have cut short.
            await notify.NotifyAsync(ctx, campaign, "delivered", existing.Text ?? "", ct);
            return Reply.Private($"The petition was already marked delivered on {Replies.Date(existing.CreatedAt)}; nothing changed and nothing is sent again.");
        }

        var text = $"The petition \"{campaign.Title}\" was delivered on {ResponseFlow.DateText(date)} to " +
                   (campaign.Recipients.Count > 0 ? string.Join("; ", campaign.Recipients) : "its recipients") + "." +
                   (link is null ? "" : "\n" + link);
        var targets = (await servers.ListAsync(ct))
            .Where(s => s.Present && s.ChannelProblem is null && (s.DefaultCampaignId is null || s.DefaultCampaignId == campaign.Id))
            .Select(s => s.AnnouncementChannel).OfType<ChannelRef>().Distinct().ToList();
        if (!await outbox.EnqueueAsync(new Announcement(id, campaign.Id, AnnouncementKind.PetitionDelivered, null, null, "Petition delivered", text, ctx.Now), targets, ct))
        {
            // Another organizer marked it a moment ago (both looked before either wrote).
            var first = await outbox.FindAnnouncementAsync(id, ct);
            return Reply.Private($"The petition was already marked delivered on {Replies.Date(first?.CreatedAt ?? ctx.Now)}; nothing changed and nothing is sent again.");
        }

        var messages = await notify.NotifyAsync(ctx, campaign, "delivered", text, ct) ?? 0;
        await audit.AppendAsync(new AuditEntry(DeliveredAction, ctx.Actor.Server, ctx.Actor.IdentityKey,
            $"campaign={campaign.Id} channels={targets.Count} messages={messages}", ctx.Now), ct);
        return Reply.Private($"Marked the petition delivered ({ResponseFlow.DateText(date)}). It will be announced once to {Replies.Count(targets.Count)} " +
                             "announcement channels" + (campaign.Notifications ? $", and {Replies.Count(messages)} signers who asked get a private message." : "."));
    }

    /// <summary>One per campaign: its existence is the "delivered" mark.</summary>
    public static string AnnouncementId(string campaignId) => "delivered-" + campaignId;
}
