using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Reports;

/// <summary>Groups signatures for the delivery packet: schools (same school key = same school), named signers
/// alphabetically, counts by stage and verification. Counted-only signers contribute counts and nothing else.</summary>
public static class PacketBuilder
{
    public static PacketData Build(CampaignDefinition campaign, IEnumerable<SignatureRecord> signatures,
        IReadOnlyList<RecipientResponse> responses, DateTimeOffset generatedAt)
    {
        var schools = new Dictionary<string, SchoolAccumulator>(StringComparer.Ordinal);
        var stages = new Dictionary<string, int>(StringComparer.Ordinal);
        var verifications = new Dictionary<Verification, int>();
        int total = 0, named = 0;
        foreach (var s in signatures)
        {
            total++;
            var key = InputRules.SchoolKey(s.School);
            if (!schools.TryGetValue(key, out var school))
            {
                schools[key] = school = new SchoolAccumulator(s.School);
            }

            stages[s.Stage] = stages.GetValueOrDefault(s.Stage) + 1;
            verifications[s.Verification] = verifications.GetValueOrDefault(s.Verification) + 1;
            if (s.FullName is { } name)
            {
                named++;
                school.Signers.Add(new PacketSigner(name, s.Stage, VerificationLabels.Label(s.Verification)));
            }
            else
            {
                school.CountedOnly++;
            }
        }

        var comparer = StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, ignoreCase: true);
        var list = schools.Values
            .Select(a => new PacketSchool(a.Name, a.Signers.Count, a.CountedOnly,
                a.Signers.OrderBy(p => p.Name, comparer).ThenBy(p => p.Name, StringComparer.Ordinal).ToList()))
            .OrderBy(p => p.Name, comparer)
            .ToList();
        var byCount = list.OrderByDescending(p => p.Total).ThenBy(p => p.Name, comparer).ToList();
        var stageOrder = campaign.EffectiveStages.ToList();
        var byStage = stages
            .OrderBy(kv => stageOrder.IndexOf(kv.Key) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new CountBy(kv.Key, kv.Key, kv.Value))
            .ToList();
        var byVerification = verifications
            .OrderByDescending(kv => kv.Value)
            .Select(kv => new CountBy(kv.Key.ToString(), VerificationLabels.Label(kv.Key), kv.Value))
            .ToList();
        var latestFirst = responses.OrderByDescending(r => r.RespondedOn).ThenByDescending(r => r.RecordedAt).ToList();
        return new PacketData(campaign, generatedAt, total, named, list, byCount, byStage, byVerification, latestFirst);
    }

    private sealed class SchoolAccumulator(string name)
    {
        public string Name { get; } = name;

        public List<PacketSigner> Signers { get; } = [];

        public int CountedOnly { get; set; }
    }
}
