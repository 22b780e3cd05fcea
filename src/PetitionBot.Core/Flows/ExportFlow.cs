using PetitionBot.Core.Campaigns;

namespace PetitionBot.Core.Flows;

/// <summary>/export (organizers): the delivery list as CSV, delivered privately and audit-logged.</summary>
public sealed class ExportFlow(ISignatureStore signatures, ISignerExportWriter writer, IAuditLog audit)
    : OrganizerExportFlow<ExportResult>(audit)
{
    /// <summary>Builds the export files and records the export in the audit log (also used by the CLI).</summary>
    public async Task<ExportResult> ExportFilesAsync(CampaignDefinition campaign, string actorKey, Model.ServerRef? server,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var stats = await signatures.GetStatsAsync(campaign.Id, now, ct);
        var all = new List<SignatureRecord>();
        await foreach (var s in signatures.ListAsync(campaign.Id, ct))
        {
            all.Add(s);
        }

        var files = writer.Write(campaign.Id, all, stats);
        var named = all.Count(s => s.IsNamed);
        await AuditAsync(campaign, actorKey, server, $"named={named} total={all.Count}", now, ct);
        return new ExportResult(files, named, all.Count);
    }

    protected override Task<ExportResult> BuildAsync(CampaignDefinition campaign, string actorKey, Model.ServerRef? server,
        DateTimeOffset now, CancellationToken ct) => ExportFilesAsync(campaign, actorKey, server, now, ct);

    protected override Reply ReplyFor(CampaignDefinition campaign, ExportResult result) => new()
    {
        Title = $"{campaign.Title}: export",
        Text = $"{Replies.Count(result.Named)} named signers of {Replies.Count(result.Total)} in all (counted-only signers appear only in the school counts). " +
               "This list holds personal data of people at risk: " + KeepPrivate,
        Attachments = result.Files,
    };
}
