namespace PetitionBot.Tests.Support;

/// <summary>Settings for a host under test: a temporary database and one small campaign.</summary>
internal static class TestConfig
{
    public static Dictionary<string, string?> For(string directory, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(directory, "petitionbot.db"),
            ["Campaigns:0:Id"] = "test",
            ["Campaigns:0:Title"] = "Test petition",
            ["Campaigns:0:Summary"] = "A petition used by the tests.",
            ["Campaigns:0:ExternalUrl"] = "https://example.org/public",
            ["Campaigns:0:EligibleRoles:0"] = "Medical student",
            ["Campaigns:0:EligibleRoles:1"] = "Resident physician",
            ["Campaigns:0:Goal"] = "100",
            ["Campaigns:0:Milestones:0"] = "2",
            ["Campaigns:0:Milestones:1"] = "5",
            ["Http:Urls"] = "http://127.0.0.1:0",
            ["Outbox:PollInterval"] = "00:00:00.050",
        };
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                settings[key] = value;
            }
        }

        return settings;
    }
}
