using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Reports;

/// <summary>Groups signatures for the delivery packet: schools (same school key = same school), named signers
/// alphabetically, counts by stage and verification. Counted-only signers contribute counts and nothing else.
/// Signatures are added one at a time, so the store's records need not be held in memory all at once.</summary>
public sealed class PacketBuilder
{
    private readonly Dictionary<string, SchoolAccumulator> schools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> stages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> stageNames = new(StringComparer.Ordinal);
    private readonly Dictionary<Verification, int> verifications = [];
    private int total;
    private int named;

    public static PacketData Build(CampaignDefinition campaign, IEnumerable<SignatureRecord> signatures,
        IReadOnlyList<RecipientResponse> responses, DateTimeOffset generatedAt)
    {
        var builder = new PacketBuilder();
        foreach (var s in signatures)
        {
            builder.Add(s);
        }

        return builder.Build(campaign, responses, generatedAt);
    }

    public void Add(SignatureRecord s)
    {
        ArgumentNullException.ThrowIfNull(s);
        total++;
        var key = InputRules.SchoolKey(s.School);
        if (!schools.TryGetValue(key, out var school))
        {
            schools[key] = school = new SchoolAccumulator(s.School);
        }

        if (!stageNames.TryGetValue(s.Stage, out var stage))
        {
            // One string per stage instead of one per signer.
            stageNames[s.Stage] = stage = s.Stage;
        }

        stages[stage] = stages.GetValueOrDefault(stage) + 1;
        verifications[s.Verification] = verifications.GetValueOrDefault(s.Verification) + 1;
        if (s.FullName is { } name)
        {
            named++;
            school.Signers.Add(new PacketSigner(name, stage, Text.VerificationText.Label(s.Verification, s.EmailDomain)));
        }
        else
        {
            school.CountedOnly++;
        }
    }

    public PacketData Build(CampaignDefinition campaign, IReadOnlyList<RecipientResponse> responses, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(responses);
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
            .Select(kv => new CountBy(kv.Key.ToString(), Text.VerificationText.Label(kv.Key), kv.Value))
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
