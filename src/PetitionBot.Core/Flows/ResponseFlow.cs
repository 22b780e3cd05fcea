using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Flows;

/// <summary>/respond (organizers): records what a recipient answered and announces it once to every announcement channel
/// through the outbox. The same response recorded twice (a retried command) is stored and announced once.</summary>
public sealed class ResponseFlow(IResponseStore responses, IAuditLog audit, NotificationFlow notify)
{
    public const int TextMax = 1500;
    public const string RespondAction = "respond";

    public async Task<Reply> RecordAsync(FlowContext ctx, CampaignDefinition campaign, IReadOnlyDictionary<string, string> options,
        CancellationToken ct = default)
    {
        if (!ctx.IsOrganizer)
        {
            return Replies.NotAllowed("organizers");
        }

        var recipient = MatchRecipient(campaign, options.GetValueOrDefault(CommandCatalog.RecipientOption));
        if (recipient is null)
        {
            return Reply.Private($"The recipient must be one of this campaign's: {string.Join("; ", campaign.Recipients)}. Nothing was recorded.");
        }

        var today = DateOnly.FromDateTime(ctx.Now.UtcDateTime);
        var date = today;
        if (options.GetValueOrDefault(CommandCatalog.DateOption) is { Length: > 0 } rawDate
            && (!DateOnly.TryParseExact(rawDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) || date > today.AddDays(1)))
        {
            return Reply.Private("The date must be written YYYY-MM-DD and not be in the future. Nothing was recorded.");
        }

        var rawText = options.GetValueOrDefault(CommandCatalog.TextOption);
        var rawLink = options.GetValueOrDefault(CommandCatalog.LinkOption);
        if (string.IsNullOrWhiteSpace(rawText) == string.IsNullOrWhiteSpace(rawLink))
        {
            return Reply.Private($"Give either the response's text (at most {Replies.Count(TextMax)} characters) or a link to it, not both. Nothing was recorded.");
        }

        string? text = null, link = null;
        if (!string.IsNullOrWhiteSpace(rawText))
        {
            var check = InputRules.MultiLine(rawText, "The response's text", 1, TextMax);
            if (!check.IsValid)
            {
                return Reply.Private(check.Error + " Nothing was recorded.");
            }

            text = check.Value;
        }
        else if (!Uri.TryCreate(rawLink!.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || rawLink.Trim().Length > 500)
        {
            return Reply.Private("The link must be an https:// address of at most 500 characters. Nothing was recorded.");
        }
        else
        {
            link = uri.AbsoluteUri;
        }

        var id = IdOf(campaign.Id, recipient, date, text, link);
        var response = new RecipientResponse(id, campaign.Id, recipient, date, text, link, ctx.Now);
        var announcement = new Announcement(DraftIds.New(), campaign.Id, AnnouncementKind.RecipientResponse, null, null,
            $"{recipient} responded", Compose(campaign, response), ctx.Now);
        var channels = await responses.AddAsync(response, announcement, ct);

        // Once per response (its own unique key), also when the response was recorded before: that completes a fan-out a
        // crash between the two writes cut short, and sends nothing twice.
        var messages = await notify.NotifyAsync(ctx, campaign, "r" + id, Compose(campaign, response), ct) ?? 0;
        if (channels is null)
        {
            return Reply.Private("This response was already recorded; nothing changed and it is not announced again.");
        }

        await audit.AppendAsync(new AuditEntry(RespondAction, ctx.Actor.Server, ctx.Actor.IdentityKey,
            $"campaign={campaign.Id} response={id} channels={channels}", ctx.Now), ct);
        return Reply.Private($"Recorded the response of {recipient} ({DateText(date)}). It will be announced once to " +
                             $"{Replies.Count(channels.Value)} announcement channels, shown by /petition and listed in the delivery packet." +
                             (campaign.Notifications ? $" {Replies.Count(messages)} signers who asked get a private message." : ""));
    }

    /// <summary>The announcement's words (plain text: adapters escape it so nothing in it pings).</summary>
    public static string Compose(CampaignDefinition campaign, RecipientResponse response) =>
        $"{response.Recipient} responded on {DateText(response.RespondedOn)} to \"{campaign.Title}\":\n" + (response.Text ?? response.Link);

    public static string DateText(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>A recipient by full name or by the abbreviation in its parentheses ("AAMC"), case-insensitive.</summary>
    public static string? MatchRecipient(CampaignDefinition campaign, string? raw)
    {
        var wanted = raw?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return null;
        }

        return campaign.Recipients.FirstOrDefault(r => string.Equals(r, wanted, StringComparison.OrdinalIgnoreCase))
               ?? campaign.Recipients.FirstOrDefault(r => r.EndsWith(')') && r.LastIndexOf('(') is var open && open >= 0
                   && string.Equals(r[(open + 1)..^1], wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static string IdOf(string campaignId, string recipient, DateOnly date, string? text, string? link)
    {
        var content = string.Join('\u001f', campaignId, recipient, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text ?? "", link ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..24];
    }
}
