namespace PetitionBot.Core.Ports;

/// <summary>Writes the organizer's delivery list. Implemented outside the core (CSV library).</summary>
public interface ISignerExportWriter
{
    /// <summary>The named signers (name, stage, school, date; counted-only signers are left out) as one CSV file,
    /// and the per-school counts (counted-only signers included) as another. Spreadsheet formulas are escaped.</summary>
    IReadOnlyList<FileAttachment> Write(string campaignId, IEnumerable<SignatureRecord> signatures, CampaignStats stats);
}
