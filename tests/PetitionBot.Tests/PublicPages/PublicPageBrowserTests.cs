using System.Globalization;
using System.Text.RegularExpressions;
using PetitionBot.Core.Flows;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.PublicPages;

/// <summary>The public page in a real headless browser: the numbers in the DOM are the store's, and it lays out at phone
/// and desktop widths.</summary>
public sealed partial class PublicPageBrowserTests
{
    [GeneratedRegex("<th scope=\"row\">([^<]+)</th><td class=\"n\" data-value=\"(\\d+)\">")]
    private static partial Regex Row();

    [Fact]
    public async Task Page_InChromium_DomNumbersMatchStoreAndScreenshotsAtPhoneAndDesktopWidths()
    {
        await using var host = await PublicPageHost.StartAsync();
        await host.SignAsync("UC Davis School of Medicine", 9, "Ana", stage: "MS1");
        await host.SignAsync("Howard University College of Medicine", 6, null, stage: "MS3");
        await host.SignAsync("Tiny School of Medicine", 4, "Zed", stage: "MS3");
        using var browser = new HeadlessChromium();
        using var shots = new TempDirectory();
        var url = new Uri(host.BaseAddress, "/p/test");

        var dom = await browser.DumpDomAsync(url);

        var stats = await host.Signatures.GetStatsAsync("test", host.Time.GetUtcNow());
        var total = int.Parse(Regex.Match(dom, "id=\"total\" data-value=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(stats.Total, total);
        var schoolsSection = dom[dom.IndexOf("id=\"schools-table\"", StringComparison.Ordinal)..dom.IndexOf("id=\"stages\"", StringComparison.Ordinal)];
        var shown = Row().Matches(schoolsSection).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        var expected = stats.BySchool.Where(s => s.Count >= PublicNumbers.MinGroupSize).OrderByDescending(s => s.Count).Select(s => (s.Label, s.Count)).ToList();
        Assert.Equal(expected, shown);
        Assert.DoesNotContain("Tiny School", dom, StringComparison.Ordinal);
        Assert.Contains($"aria-valuenow=\"{stats.Total}\"", dom, StringComparison.Ordinal);
        Assert.Contains("<h1>Test petition</h1>", dom, StringComparison.Ordinal);

        var phone = await browser.ScreenshotAsync(url, Path.Combine(shots.Path, "phone.png"), 390, 844);
        var desktop = await browser.ScreenshotAsync(url, Path.Combine(shots.Path, "desktop.png"), 1280, 900);
        Assert.Equal((390, 844), phone);
        Assert.Equal((1280, 900), desktop);
        Assert.True(new FileInfo(Path.Combine(shots.Path, "phone.png")).Length > 5_000, "the phone screenshot has content");
    }
}
