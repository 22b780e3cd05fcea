using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Outbox;

/// <summary>Free text of announcements is kept only for <c>Privacy:UpdateTextRetentionDays</c> (issue 13, item 12).</summary>
public sealed class AnnouncementTextRetentionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Start_DeliveredUpdateOlderThanRetention_TextBlankedRowAndDeliveryKept()
    {
        using var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Bot, [])
        {
            Overrides = TestConfig.For(_dir.Path, new Dictionary<string, string?> { ["Privacy:UpdateTextRetentionDays"] = "30" }),
            ConfigureServices = s => s.AddSingleton<IAdapterStatusSource>(new FakeAdapterStatus("discord")),
        });
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var now = DateTimeOffset.UtcNow;
        await outbox.EnqueueAsync(Update("old", "Meet at the clinic at 5, bring Maria", now.AddDays(-31)), [new ChannelRef(PlatformKind.Discord, "9", "10")]);
        await outbox.EnqueueAsync(Update("new", "Second update", now.AddDays(-29)), [new ChannelRef(PlatformKind.Discord, "9", "10")]);
        foreach (var id in new[] { "old", "new" })
        {
            await outbox.MarkDeliveredAsync((await outbox.ListForAnnouncementAsync(id))[0].Id, now);
        }

        await host.StartAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await outbox.FindAnnouncementAsync("old"))!.Text != Announcement.RemovedText && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(Announcement.RemovedText, (await outbox.FindAnnouncementAsync("old"))!.Text);
            Assert.Equal(OutboxState.Delivered, Assert.Single(await outbox.ListForAnnouncementAsync("old")).State);
            Assert.Equal("Second update", (await outbox.FindAnnouncementAsync("new"))!.Text);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("4000")]
    public async Task RunAsync_RetentionOutOfRange_ExitsTwoNamingTheSetting(string days)
    {
        var error = new CapturedOutput();

        var code = await PetitionBotApp.RunAsync(["totals"], TextReader.Null, new CapturedOutput(), error,
            TestConfig.For(_dir.Path, new Dictionary<string, string?> { ["Privacy:UpdateTextRetentionDays"] = days }));

        Assert.Equal(PetitionBotApp.ConfigError, code);
        Assert.Contains("Privacy:UpdateTextRetentionDays", error.Text, StringComparison.Ordinal);
    }

    private static Announcement Update(string id, string text, DateTimeOffset at) =>
        new(id, "test", AnnouncementKind.ChapterUpdate, null, null, "Update from UCSF", text, at);
}
