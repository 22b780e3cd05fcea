using PetitionBot.Core.Schools;
using PetitionBot.Tests.Discord;

namespace PetitionBot.Tests.VerifiedSigners;

/// <summary>The school on Slack is an <c>external_select</c>, which only takes its own options: a school from the
/// directory is picked by its id, and one missing from the list through the picker's last entry, "Other: …".</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class SlackSchoolPickerTests
{
    private const string User = "U0PICKER";
    private static readonly string Key = $"slack:{VerifiedSignerRig.Team}:{User}";

    [Fact]
    public async Task Sign_SchoolMissingFromTheListOnSlack_OtherEntryKeepsTheTypedText()
    {
        await using var rig = await VerifiedSignerRig.StartAsync(slackUsers: User);

        var preview = await rig.SlackPreviewAsync(User, "Bayside Institute of Medicine", keepTyped: true);

        Assert.Contains("Bayside Institute of Medicine (not in our list", preview.Text, StringComparison.Ordinal);
        var done = await rig.SlackPressAsync(User, preview, "skip", m => m.Text.Contains("Signed", StringComparison.Ordinal));
        Assert.Contains("Signed", done.Text, StringComparison.Ordinal);
        var stored = await rig.Signatures.FindAsync("test", Key);
        Assert.Equal(("Bayside Institute of Medicine", School.OtherId), (stored!.School, stored.SchoolId));
    }

    [Fact]
    public async Task Sign_SchoolPickedFromTheListOnSlack_StoredUnderItsDirectoryId()
    {
        await using var rig = await VerifiedSignerRig.StartAsync(slackUsers: User);

        var preview = await rig.SlackPreviewAsync(User, "UC Davis");

        Assert.Contains("University of California, Davis School of Medicine", preview.Text, StringComparison.Ordinal);
        await rig.SlackPressAsync(User, preview, "skip", m => m.Text.Contains("Signed", StringComparison.Ordinal));
        var stored = await rig.Signatures.FindAsync("test", Key);
        Assert.Equal(("University of California, Davis School of Medicine", "ucdavis"), (stored!.School, stored.SchoolId));
    }
}
