using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Tests.PublicPages;

public sealed class PublicPageTests : IAsyncLifetime
{
    private PublicPageHost? _host;
    private HttpClient? _http;

    private PublicPageHost Host => _host!;

    private HttpClient Http => _http!;

    public async Task InitializeAsync()
    {
        _host = await PublicPageHost.StartAsync();
        _http = new HttpClient { BaseAddress = Host.BaseAddress };
        await Host.SignAsync("UC Davis School of Medicine", 7, "Ana Secret", stage: "MS1");
        await Host.SignAsync("Howard University College of Medicine", 3, "Ben Secret", stage: "MS2");
        await Host.SignAsync("Howard University College of Medicine", 2, null, stage: "MS2");
        await Host.SignAsync("Tiny School of Medicine", 2, "Zed Hidden", stage: "PGY3");
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Page_Signers_TotalsAndSchoolsOfFiveOrMoreWithoutNames()
    {
        using var response = await Http.GetAsync("/p/test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("public, max-age=5", response.Headers.CacheControl!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<strong id=\"total\" data-value=\"14\">14</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">UC Davis School of Medicine</th><td class=\"n\" data-value=\"7\">7</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Howard University College of Medicine</th><td class=\"n\" data-value=\"5\">5</td>", html, StringComparison.Ordinal);
        Assert.Contains("aria-valuetext=\"14 of 100 signatures (14% of the goal)\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tiny School", html, StringComparison.Ordinal);
        Assert.DoesNotContain("PGY3", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("discord:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org/public\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_Signers_MatchesStoreAndHidesSmallGroups()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/p/test.json"));
        var root = json.RootElement;
        var stats = await Host.Signatures.GetStatsAsync("test", Host.Time.GetUtcNow());

        Assert.Equal(stats.Total, root.GetProperty("total").GetInt32());
        Assert.Equal(100, root.GetProperty("goal").GetInt32());
        Assert.Equal(14, root.GetProperty("percent_of_goal").GetInt32());
        Assert.Equal(
            [("UC Davis School of Medicine", 7), ("Howard University College of Medicine", 5)],
            root.GetProperty("by_school").EnumerateArray().Select(s => (s.GetProperty("school").GetString()!, s.GetProperty("signatures").GetInt32())));
        Assert.Equal([("MS1", 7), ("MS2", 5)],
            root.GetProperty("by_stage").EnumerateArray().Select(s => (s.GetProperty("stage").GetString()!, s.GetProperty("signatures").GetInt32())));
        Assert.Equal("2026-03-10T12:00:00Z", root.GetProperty("updated_at").GetString());
        Assert.DoesNotContain("Secret", root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Badge_Signers_SvgWithTotalAndGoal()
    {
        using var response = await Http.GetAsync("/p/test/badge.svg");

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(["signatures", "14 of 100"], svg.Descendants(ns + "text").Select(t => t.Value));
        Assert.Equal("img", svg.Root!.Attribute("role")!.Value);
    }

    [Theory]
    [InlineData("/p/unknown")]
    [InlineData("/p/TEST")]
    [InlineData("/p/te%20st")]
    [InlineData("/p/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/p/test/extra")]
    [InlineData("/p/test.json.json")]
    [InlineData("/p/test/badge.svg/x")]
    [InlineData("/p/")]
    [InlineData("/p/test;x")]
    public async Task Page_UnknownOrOddPath_404Page(string path)
    {
        using var response = await Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Not found</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("14", html, StringComparison.Ordinal);
    }

    /// <summary>Kestrel itself normalizes "/p/../test" to "/test" (no such route: 404) and refuses a NUL byte (400).</summary>
    [Theory]
    [InlineData("/p/%2E%2E/test", HttpStatusCode.NotFound)]
    [InlineData("/p/test%00", HttpStatusCode.BadRequest)]
    public async Task Page_TraversalOrNul_RefusedBeforeThePageIsRead(string path, HttpStatusCode expected)
    {
        using var response = await Http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("signatures", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_QueryString_Ignored()
    {
        var plain = await Http.GetStringAsync("/p/test.json");

        var withQuery = await Http.GetStringAsync("/p/test.json?campaign=other&school=Tiny%20School%20of%20Medicine&min=1");

        Assert.Equal(plain, withQuery);
    }

    [Fact]
    public async Task Json_NewSignatureWithinCacheLifetime_ServedFromCacheThenRefreshed()
    {
        var first = await TotalAsync();
        await Host.SignAsync("UC Davis School of Medicine", 1, "New Person");

        var cached = await TotalAsync();
        Host.Time.Advance(TimeSpan.FromSeconds(6));
        var fresh = await TotalAsync();

        Assert.Equal((14, 14, 15), (first, cached, fresh));
    }

    [Fact]
    public async Task Page_Response_ShownOnPageAndInJson()
    {
        var stored = Host.Host.Services.GetRequiredService<IResponseStore>();
        await stored.AddAsync(new RecipientResponse("r1", "test", "Association of American Medical Colleges (AAMC)", new DateOnly(2026, 3, 9),
            "We share <b>your</b> concern.", null, Host.Time.GetUtcNow()),
            new Announcement("a1", "test", AnnouncementKind.RecipientResponse, null, null, "t", "x", Host.Time.GetUtcNow()));
        Host.Time.Advance(TimeSpan.FromSeconds(6));

        var html = await Http.GetStringAsync("/p/test");
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/p/test.json"));

        Assert.Contains("<h3>Association of American Medical Colleges (AAMC), March 9, 2026</h3>", html, StringComparison.Ordinal);
        Assert.Contains("We share &lt;b&gt;your&lt;/b&gt; concern.", html, StringComparison.Ordinal);
        var response = Assert.Single(json.RootElement.GetProperty("responses").EnumerateArray());
        Assert.Equal("2026-03-09", response.GetProperty("date").GetString());
        Assert.False(response.TryGetProperty("id", out _));
    }

    private async Task<int> TotalAsync()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/p/test.json"));
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
