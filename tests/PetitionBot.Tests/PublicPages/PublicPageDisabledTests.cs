using System.Net;

namespace PetitionBot.Tests.PublicPages;

public sealed class PublicPageDisabledTests
{
    [Fact]
    public async Task Page_PublicPagesOff_NotServed()
    {
        await using var host = await PublicPageHost.StartAsync(enabled: false);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var page = await http.GetAsync("/p/test");
        using var json = await http.GetAsync("/p/test.json");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (page.StatusCode, json.StatusCode));
        Assert.Empty(await page.Content.ReadAsByteArrayAsync());
    }
}
