using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Reports;

namespace PetitionBot.Core.Flows;

/// <summary>/export format:pdf (organizers): the delivery packet for the recipients, delivered privately like the CSV
/// and audit-logged.</summary>
public sealed class PacketExportFlow(ISignatureStore signatures, IResponseStore responses, IDeliveryPacketWriter writer, IAuditLog audit)
    : OrganizerExportFlow<DeliveryPacket>(audit)
{
    public const string FormatOption = CommandCatalog.FormatOption;
    public const string Pdf = "pdf";
    public const string Csv = "csv";

    /// <summary>Builds the packet and records the export in the audit log (also used by the CLI).</summary>
    public async Task<DeliveryPacket> WriteAsync(CampaignDefinition campaign, string actorKey, Model.ServerRef? server,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var builder = new PacketBuilder();
        await foreach (var s in signatures.ListAsync(campaign.Id, ct))
        {
            builder.Add(s);
        }

        var data = builder.Build(campaign, await responses.ListAsync(campaign.Id, ct), now);
        var packet = writer.Write(data);
        await AuditAsync(campaign, actorKey, server, $"format=pdf named={data.Named} total={data.Total} pages={packet.Pages}", now, ct);
        return packet;
    }

    protected override Task<DeliveryPacket> BuildAsync(CampaignDefinition campaign, string actorKey, Model.ServerRef? server,
        DateTimeOffset now, CancellationToken ct) => WriteAsync(campaign, actorKey, server, now, ct);

    protected override Reply ReplyFor(CampaignDefinition campaign, DeliveryPacket packet) => new()
    {
        Title = $"{campaign.Title}: delivery packet",
        Text = Describe(packet) + " This file holds personal data of people at risk: " + KeepPrivate,
        Attachments = [packet.File],
    };

    /// <summary>One sentence for the organizer: pages, and any characters that print as a placeholder.</summary>
    public static string Describe(DeliveryPacket packet) =>
        $"Delivery packet: {Replies.Count(packet.Pages)} pages." + (packet.MissingGlyphs > 0
            ? $" Warning: {Replies.Count(packet.MissingGlyphs)} characters have no glyph in the embedded fonts and print as \uFFFD; check those names before delivery."
            : "");

    /// <summary>The export format asked for: "csv" (default), "pdf", or null when it is neither.</summary>
    public static string? FormatOf(IReadOnlyDictionary<string, string> options)
    {
        var format = options.GetValueOrDefault(FormatOption)?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(format) ? Csv : format is Csv or Pdf ? format : null;
    }
}
