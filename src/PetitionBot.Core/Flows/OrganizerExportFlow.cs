using PetitionBot.Core.Campaigns;

namespace PetitionBot.Core.Flows;

/// <summary>What every /export format shares: organizers only, the file built from the campaign's signatures, the export
/// recorded in the audit log, and the reply that hands the file over privately.</summary>
/// <typeparam name="TResult">What the format builds (the CSV files, the PDF packet).</typeparam>
public abstract class OrganizerExportFlow<TResult>(IAuditLog audit)
{
    /// <summary>The warning that closes every export reply.</summary>
    protected const string KeepPrivate = "keep it private and delete copies after delivery.";

    public async Task<Reply> ExportAsync(FlowContext ctx, CampaignDefinition campaign, CancellationToken ct = default)
    {
        if (!ctx.IsOrganizer)
        {
            return Replies.NotAllowed("organizers");
        }

        var result = await BuildAsync(campaign, ctx.Actor.IdentityKey, ctx.Actor.Server, ctx.Now, ct);
        return ReplyFor(campaign, result);
    }

    /// <summary>Builds the export and records it in the audit log (also used by the CLI).</summary>
    protected abstract Task<TResult> BuildAsync(CampaignDefinition campaign, string actorKey, Model.ServerRef? server,
        DateTimeOffset now, CancellationToken ct);

    /// <summary>The organizer's private reply carrying what was built.</summary>
    protected abstract Reply ReplyFor(CampaignDefinition campaign, TResult result);

    /// <summary>Records an export of <paramref name="campaign"/>; <paramref name="counts"/> says what it held (no personal data).</summary>
    protected Task AuditAsync(CampaignDefinition campaign, string actorKey, Model.ServerRef? server, string counts,
        DateTimeOffset now, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(AuditActions.Export, server, actorKey, $"campaign={campaign.Id} {counts}", now), ct);
}
