using Microsoft.Extensions.Time.Testing;
using PetitionBot.Core.Pacing;

namespace PetitionBot.Core.Tests.Pacing;

public sealed class SlidingWindowTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void TryTake_BelowLimit_GrantsAtNow()
    {
        var time = new FakeTimeProvider();
        var window = new SlidingWindow(Minute);

        for (var i = 0; i < 3; i++)
        {
            var slot = window.TryTake(time.GetUtcNow(), 3, out var wait);
            Assert.NotNull(slot);
            Assert.Equal(time.GetUtcNow(), slot.Value);
            Assert.Equal(TimeSpan.Zero, wait);
        }
    }

    [Fact]
    public void TryTake_AtLimit_RefusesUntilOldestLeaves()
    {
        var time = new FakeTimeProvider();
        var window = new SlidingWindow(Minute);
        Assert.NotNull(window.TryTake(time.GetUtcNow(), 2, out _));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.NotNull(window.TryTake(time.GetUtcNow(), 2, out _));

        Assert.Null(window.TryTake(time.GetUtcNow(), 2, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(50), wait);

        time.Advance(TimeSpan.FromSeconds(49));
        Assert.Null(window.TryTake(time.GetUtcNow(), 2, out wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(window.TryTake(time.GetUtcNow(), 2, out wait));
        Assert.Equal(TimeSpan.Zero, wait);
    }

    [Fact]
    public void TryTake_LowerLimitForSomeCallers_KeepsHeadroomForOthers()
    {
        var time = new FakeTimeProvider();
        var window = new SlidingWindow(Minute);
        Assert.NotNull(window.TryTake(time.GetUtcNow(), 2, out _));
        Assert.NotNull(window.TryTake(time.GetUtcNow(), 2, out _));

        Assert.Null(window.TryTake(time.GetUtcNow(), 2, out _));
        Assert.NotNull(window.TryTake(time.GetUtcNow(), 3, out _));
        Assert.Null(window.TryTake(time.GetUtcNow(), 3, out _));
    }

    [Fact]
    public void TryTake_SlotMovedLater_CountsFromItsNewTime()
    {
        var time = new FakeTimeProvider();
        var window = new SlidingWindow(TimeSpan.FromSeconds(1));
        var slot = window.TryTake(time.GetUtcNow(), 1, out _);
        Assert.NotNull(slot);

        time.Advance(TimeSpan.FromMilliseconds(400));
        slot.Value = time.GetUtcNow();
        time.Advance(TimeSpan.FromMilliseconds(700));

        Assert.Null(window.TryTake(time.GetUtcNow(), 1, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(300), wait);
    }

    [Fact]
    public void Reserve_BurstUpToLimit_GoesAtOnceThenQueuesInOrder()
    {
        var time = new FakeTimeProvider();
        var window = new SlidingWindow(Minute);
        var start = time.GetUtcNow();

        var granted = Enumerable.Range(0, 7).Select(_ => window.Reserve(time.GetUtcNow(), 3) - start).ToList();

        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, Minute, Minute, Minute, 2 * Minute],
            granted);
    }

    [Fact]
    public void Reserve_Later_SeesOnlyTheLastLimitGrants()
    {
        var time = new FakeTimeProvider();
        var window = new SlidingWindow(Minute);
        var first = window.Reserve(time.GetUtcNow(), 2);
        time.Advance(TimeSpan.FromSeconds(30));
        window.Reserve(time.GetUtcNow(), 2);
        time.Advance(TimeSpan.FromSeconds(45));

        var third = window.Reserve(time.GetUtcNow(), 2);

        Assert.Equal(time.GetUtcNow(), third);
        Assert.True(third - first >= Minute);
        Assert.Equal(first + TimeSpan.FromSeconds(30) + Minute, window.Reserve(time.GetUtcNow(), 2));
    }

    [Fact]
    public void Reserve_EarliestInTheFuture_GrantsNoSooner()
    {
        var time = new FakeTimeProvider();
        var window = new SlidingWindow(Minute);
        var blockedUntil = time.GetUtcNow() + TimeSpan.FromSeconds(5);

        Assert.Equal(blockedUntil, window.Reserve(blockedUntil, 10));
        Assert.Equal(blockedUntil, window.Reserve(time.GetUtcNow(), 1) - Minute);
    }
}
