using System.Text;
using PetitionBot.Core.Campaigns;

namespace PetitionBot.Core.Flows;

/// <summary>/mydata: show what is stored about the person, and delete it on request.</summary>
public sealed class MyDataFlow(ISignatureStore signatures, IDraftStore drafts, IAuditLog audit, CampaignDirectory campaigns, Ports.ISubscriptionStore subscriptions)
{
    public const string Prefix = "md";

    public async Task<Reply> ShowAsync(FlowContext ctx, CancellationToken ct = default)
    {
        var mine = await signatures.FindAllAsync(ctx.Actor.IdentityKey, ct);
        var optIns = await subscriptions.FindAllAsync(ctx.Actor.IdentityKey, ct);
        var text = new StringBuilder();
        text.Append(mine.Count == 0 ? "PetitionBot stores no signature of yours.\n" : "PetitionBot stores:\n" + Describe(mine, campaigns));
        text.Append(NotificationFlow.Describe(optIns, campaigns));
        var actions = await audit.FindByActorAsync(ctx.Actor.IdentityKey, ct);
        if (actions.Count > 0)
        {
            text.Append("\nThe audit log records these actions of yours:\n").Append(DescribeActions(actions));
        }
        text.Append("\nYour chat account is stored only as a keyed hash, never in clear, and immigration status is never asked or stored. " +
                    "A school email you verified is kept only as a keyed fingerprint with its domain. " +
                    "Unfinished sign-ups are deleted after a few minutes.");
        var choices = new List<Choice>();
        if (mine.Count > 0 || optIns.Count > 0 || actions.Count > 0)
        {
            choices.Add(new Choice(Token.Make(Prefix, "delete"), "Delete all my data", ChoiceStyle.Danger));
        }

        if (campaigns.All.Any(c => (c.VerificationMode ?? Email.VerificationMode.None) != Email.VerificationMode.None))
        {
            choices.Add(AddressProofFlow.ForMyData());
        }

        return new Reply
        {
            Title = "Your data",
            Text = text.ToString(),
            Choices = choices,
        };
    }

    /// <summary>One line per signature: campaign, date, name or counted only, school, stage, role, how it was verified.</summary>
    public static string Describe(IEnumerable<SignatureRecord> signatures, CampaignDirectory campaigns)
    {
        var text = new StringBuilder();
        foreach (var s in signatures)
        {
            var title = campaigns.Find(s.CampaignId)?.Title ?? s.CampaignId;
            text.Append("• ").Append(title).Append(": signed ").Append(Replies.Date(s.SignedAt))
                .Append(" on ").Append(SignCompletion.PlatformName(s.Platform))
                .Append(s.IsNamed ? $", name \"{s.FullName}\"" : ", counted only (no name)")
                .Append(", school \"").Append(s.School).Append("\", stage ").Append(s.Stage)
                .Append(", ").Append(s.Role)
                .Append(s.Verification switch
                {
                    Verification.RoleVerified => ", verified by server role",
                    Verification.SchoolEmail => s.EmailDomain is { } d ? $", verified by school email ({d})" : ", verified by school email",
                    _ => ", self-attested",
                })
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One line per audit entry of the person: what, when (UTC), and on which server; nothing about others.</summary>
    public static string DescribeActions(IEnumerable<AuditEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
        {
            text.Append("• ").Append(e.Action).Append(", ").Append(Replies.Date(e.At))
                .Append(e.At.UtcDateTime.ToString(" HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture))
                .Append(e.Server is { } w ? $", {SignCompletion.PlatformName(w.Platform)} server {w.ServerId}" : ", all servers")
                .Append('\n');
        }

        return text.ToString();
    }

    public async Task<Reply> ChooseAsync(FlowContext ctx, string token, CancellationToken ct = default)
    {
        if (!Token.TrySplit(token, Prefix, 2, out var parts))
        {
            return Replies.Expired;
        }

        switch (parts[1])
        {
            case "delete":
                return new Reply
                {
                    Text = "Delete every signature and all data PetitionBot stores about you? This cannot be undone.",
                    Choices =
                    [
                        new Choice(Token.Make(Prefix, "confirm"), "Yes, delete everything", ChoiceStyle.Danger),
                        new Choice(Token.Make(Prefix, "keep"), "Keep it"),
                    ],
                    ReplacesPrevious = true,
                };
            case "confirm":
                var removed = 0;
                foreach (var s in await signatures.FindAllAsync(ctx.Actor.IdentityKey, ct))
                {
                    removed += await signatures.RemoveAsync(s.CampaignId, ctx.Actor.IdentityKey, ct) ? 1 : 0;
                }

                await drafts.DeleteAllAsync(ctx.Actor.IdentityKey, ct);
                var optInsRemoved = await subscriptions.RemoveAllAsync(ctx.Actor.IdentityKey, ct);
                var forgotten = await audit.ForgetActorAsync(ctx.Actor.IdentityKey, ct);
                return new Reply
                {
                    Text = $"Deleted {removed} signature(s)" + (optInsRemoved > 0 ? $", {optInsRemoved} request(s) for private messages" : "") + " and all your data." +
                           (forgotten > 0 ? $" You were removed from {forgotten} audit log entr{(forgotten == 1 ? "y" : "ies")} (the entries stay, without you)." : ""),
                    ReplacesPrevious = true,
                };
            case "keep":
                return new Reply { Text = "Nothing was deleted.", ReplacesPrevious = true };
            default:
                return Replies.Expired;
        }
    }
}
