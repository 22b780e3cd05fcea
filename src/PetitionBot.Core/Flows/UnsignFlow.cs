using PetitionBot.Core.Campaigns;

namespace PetitionBot.Core.Flows;

/// <summary>/unsign: confirm, then delete the signature and its personal data.</summary>
public sealed class UnsignFlow(ISignatureStore signatures, CampaignDirectory campaigns, Ports.ISubscriptionStore subscriptions)
{
    public const string Prefix = "us";

    public async Task<Reply> StartAsync(FlowContext ctx, CampaignDefinition campaign, CancellationToken ct = default)
    {
        var existing = await signatures.FindAsync(campaign.Id, ctx.Actor.IdentityKey, ct);
        if (existing is null)
        {
            return (campaign.VerificationMode ?? Email.VerificationMode.None) == Email.VerificationMode.None
                ? new Reply { Title = campaign.Title, Text = "You have not signed this petition, so there is nothing to withdraw." }
                : new Reply
                {
                    Title = campaign.Title,
                    Text = "You have not signed this petition from this account, so there is nothing to withdraw here. " +
                           "If you signed from another account or platform with your school email, prove that address to withdraw that signature.",
                    Choices = [AddressProofFlow.ForUnsign(campaign.Id)],
                };
        }

        return new Reply
        {
            Title = campaign.Title,
            Text = $"You signed on {Replies.Date(existing.SignedAt)}. Withdraw your signature? " +
                   "It will be deleted with everything stored about it, and the totals will drop by one.",
            Choices =
            [
                new Choice(Token.Make(Prefix, campaign.Id, "yes"), "Withdraw my signature", ChoiceStyle.Danger),
                new Choice(Token.Make(Prefix, campaign.Id, "no"), "Keep it"),
            ],
        };
    }

    public async Task<Reply> ChooseAsync(FlowContext ctx, string token, CancellationToken ct = default)
    {
        if (!Token.TrySplit(token, Prefix, 3, out var parts) || campaigns.Find(parts[1]) is not { } campaign)
        {
            return Replies.Expired;
        }

        if (parts[2] != "yes")
        {
            return new Reply { Text = "Your signature stays. Thank you!", ReplacesPrevious = true };
        }

        var removed = await signatures.RemoveAsync(campaign.Id, ctx.Actor.IdentityKey, ct);

        // The opt-in goes with the signature (and, with it, the encrypted account id it kept).
        await subscriptions.RemoveAsync(campaign.Id, ctx.Actor.IdentityKey, ct);
        return new Reply
        {
            Text = removed
                ? "Your signature and its data were deleted. You can sign again at any time with /sign."
                : "You have no signature on this petition; nothing was changed.",
            ReplacesPrevious = true,
        };
    }
}
