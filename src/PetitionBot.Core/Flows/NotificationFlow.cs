using System.Text;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;

namespace PetitionBot.Core.Flows;

/// <summary>The opt-in to one private message when the petition is delivered or a recipient responds
/// (<c>Campaigns:N:Notifications</c>): offered under "Signed", stored encrypted until the campaign closes plus 30 days,
/// and fanned out through the outbox once per event.</summary>
public sealed class NotificationFlow(ISubscriptionStore subscriptions, ISignatureStore signatures, CampaignDirectory campaigns,
    IOptions<NotificationOptions> options)
{
    public const string Prefix = "nt";

    /// <summary>How long after the campaign closes an opt-in (and the user id it holds) is kept.</summary>
    public static readonly TimeSpan KeepAfterClose = TimeSpan.FromDays(30);

    /// <summary>The button under "Signed" when the campaign offers notifications.</summary>
    public static IReadOnlyList<Choice> Offer(CampaignDefinition campaign) =>
        campaign.Notifications
            ? [new Choice(Token.Make(Prefix, campaign.Id, "on"), "Message me when it is delivered or answered", ChoiceStyle.Primary)]
            : [];

    public async Task<Reply> ChooseAsync(FlowContext ctx, string token, CancellationToken ct = default)
    {
        if (!Token.TrySplit(token, Prefix, 3, out var parts) || parts[2] != "on" || campaigns.Find(parts[1]) is not { } campaign)
        {
            return Replies.Expired;
        }

        if (!campaign.Notifications)
        {
            return Reply.Private("This campaign does not send private messages; nothing was stored.");
        }

        if (campaign.IsClosed(ctx.Now))
        {
            return Replies.Closed(campaign);
        }

        if (await signatures.FindAsync(campaign.Id, ctx.Actor.IdentityKey, ct) is null)
        {
            return Reply.Private("Only signers can ask for this message: sign with /sign first. Nothing was stored.");
        }

        var expires = campaign.ClosesAt is { } closes ? closes + KeepAfterClose : (DateTimeOffset?)null;
        var added = await subscriptions.AddAsync(new NewSubscription(campaign.Id, ctx.Actor.IdentityKey, ctx.Actor.Platform, ctx.Actor.ServerId,
            ctx.Actor.UserId, ctx.Now, expires), ct);
        var keep = expires is { } e ? $"until {Replies.Date(e)} (30 days after the campaign closes)" : "until 30 days after the campaign closes";
        return Reply.Private((added
                ? "Done: PetitionBot will send you one private message when the petition is delivered and one when a recipient responds. "
                : "You already asked for these messages; nothing changed. ") +
            $"To reach you it keeps your chat account id, encrypted, {keep}. /mydata shows and deletes it; /unsign removes it too.");
    }

    /// <summary>Queues one private message to every subscriber of the campaign, once per <paramref name="eventKey"/>;
    /// returns how many (null: this event was already sent; 0 when the campaign does not offer notifications).</summary>
    public async Task<int?> NotifyAsync(FlowContext ctx, CampaignDefinition campaign, string eventKey, string what, CancellationToken ct = default)
    {
        if (!campaign.Notifications)
        {
            return 0;
        }

        var text = what + "\n\nYou asked for this message when you signed. /mydata shows or deletes that request; it ends 30 days after the campaign closes.";
        var notice = new Announcement(DraftIds.New(), campaign.Id, AnnouncementKind.SignerNotice, null, null, campaign.Title, text, ctx.Now);
        return await subscriptions.NotifyAsync(notice, $"{campaign.Id}|n|{eventKey}", options.Value.DirectMessageInterval, ct);
    }

    /// <summary>The /mydata lines about opt-ins.</summary>
    public static string Describe(IEnumerable<Subscription> mine, CampaignDirectory campaigns)
    {
        var text = new StringBuilder();
        foreach (var s in mine)
        {
            var title = campaigns.Find(s.CampaignId)?.Title ?? s.CampaignId;
            text.Append("• ").Append(title).Append(": you asked on ").Append(Replies.Date(s.CreatedAt))
                .Append(" for a private message when it is delivered or a recipient responds; your ")
                .Append(SignCompletion.PlatformName(s.Platform)).Append(" account id is kept encrypted ")
                .Append(s.ExpiresAt is { } e ? $"until {Replies.Date(e)}" : "until 30 days after the campaign closes")
                .Append('\n');
        }

        return text.ToString();
    }
}
