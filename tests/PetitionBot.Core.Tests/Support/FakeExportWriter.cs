using System.Text;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Reports;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Core.Tests.Support;

/// <summary>Writes one line per named signer, and one per school, so tests can read what was exported.</summary>
public sealed class FakeExportWriter : ISignerExportWriter
{
    public IReadOnlyList<FileAttachment> Write(string campaignId, IEnumerable<SignatureRecord> signatures, CampaignStats stats)
    {
        var names = string.Join("\n", signatures.Where(s => s.IsNamed).Select(s => $"{s.FullName},{s.Stage},{s.School}"));
        var schools = string.Join("\n", stats.BySchool.Select(s => $"{s.Label},{s.Count}"));
        return
        [
            new FileAttachment($"{campaignId}-signers.csv", "text/csv", Encoding.UTF8.GetBytes(names)),
            new FileAttachment($"{campaignId}-schools.csv", "text/csv", Encoding.UTF8.GetBytes(schools)),
        ];
    }
}
