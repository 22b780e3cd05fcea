using Microsoft.Extensions.Time.Testing;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Tests.WebApi;

public sealed class SlackPacerTests
{
    [Fact]
    public void Reserve_WithinBurst_NoWaitThenOneInterval()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackPacer(time);
        var interval = TimeSpan.FromSeconds(1);

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("k", interval, 3));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("k", interval, 3));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("k", interval, 3));
        Assert.Equal(interval, pacer.Reserve("k", interval, 3));
        Assert.Equal(interval * 2, pacer.Reserve("k", interval, 3));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("other", interval, 1));
    }

    [Fact]
    public void Reserve_AfterTimePasses_TokensRefill()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackPacer(time);
        var interval = TimeSpan.FromSeconds(1);
        pacer.Reserve("k", interval, 1);

        Assert.Equal(interval, pacer.Reserve("k", interval, 1));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("k", interval, 1));
    }

    [Fact]
    public void Block_RetryAfter_NextReservationWaitsUntilItPasses()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackPacer(time);

        pacer.Block("k", TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), pacer.Reserve("k", TimeSpan.FromSeconds(1), 5));
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("k", TimeSpan.FromSeconds(1), 5));
    }
}
