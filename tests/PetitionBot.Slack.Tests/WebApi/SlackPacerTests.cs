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

    [Fact]
    public void ReserveInWindow_LimitAtOnce_ThenEachWaitsForItsSlotToLeaveTheWindow()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackPacer(time);
        var minute = TimeSpan.FromMinutes(1);

        Assert.Equal(TimeSpan.Zero, pacer.ReserveInWindow("k", 3, minute));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, pacer.ReserveInWindow("k", 3, minute));
        Assert.Equal(TimeSpan.Zero, pacer.ReserveInWindow("k", 3, minute));
        Assert.Equal(TimeSpan.FromSeconds(50), pacer.ReserveInWindow("k", 3, minute));
        Assert.Equal(minute, pacer.ReserveInWindow("k", 3, minute));
        Assert.Equal(TimeSpan.Zero, pacer.ReserveInWindow("other", 3, minute));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.Zero, pacer.ReserveInWindow("k", 3, minute));
    }

    [Fact]
    public void ReserveInWindow_Blocked_WaitsForRetryAfterEvenUnderTheLimit()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackPacer(time);
        pacer.Block("k", TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), pacer.ReserveInWindow("k", 100, TimeSpan.FromMinutes(1)));
    }
}
