using PetitionBot.Core.Announcements;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Tests.Announcements;

public sealed class DeliveryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly RetrySchedule Schedule = new(MaxAttempts: 5, BaseBackoff: TimeSpan.FromSeconds(2), MaxBackoff: TimeSpan.FromMinutes(1));

    private static readonly ServerSettings Server = new(new ServerRef(PlatformKind.Discord, "g1")) { AnnouncementChannelId = "c1" };

    private static OutboxItem Item(string channel = "c1", int attempts = 0) =>
        new("i1", "a1", new ChannelRef(PlatformKind.Discord, "g1", channel), OutboxState.Pending, attempts, Now, null);

    [Fact]
    public void AfterPost_Delivered_MarkedDelivered()
    {
        Assert.Equal(DeliveryAction.Delivered, DeliveryPolicy.AfterPost(Item(), Server, PostOutcome.Delivered, Now, Schedule, 0.5).Action);
    }

    [Fact]
    public void AfterPost_ForbiddenInTheServersAnnouncementChannel_DisablesChannelAndSaysWhy()
    {
        var decision = DeliveryPolicy.AfterPost(Item(), Server, new PostOutcome(PostStatus.Forbidden), Now, Schedule, 0.5);

        Assert.Equal(new DeliveryDecision(DeliveryAction.DisableChannel, "Forbidden", ChannelProblem: "the bot lacks permission to post there"), decision);
        Assert.Equal("the channel no longer exists",
            DeliveryPolicy.AfterPost(Item(), Server, new PostOutcome(PostStatus.ChannelGone), Now, Schedule, 0.5).ChannelProblem);
    }

    [Fact]
    public void AfterPost_ForbiddenInAnotherChannel_OnlyThisDeliveryFails()
    {
        Assert.Equal(new DeliveryDecision(DeliveryAction.Fail, "Forbidden"),
            DeliveryPolicy.AfterPost(Item("alerts"), Server, new PostOutcome(PostStatus.Forbidden), Now, Schedule, 0.5));
        Assert.Equal(new DeliveryDecision(DeliveryAction.Fail, "ChannelGone"),
            DeliveryPolicy.AfterPost(Item(), null, new PostOutcome(PostStatus.ChannelGone), Now, Schedule, 0.5));
    }

    [Fact]
    public void AfterPost_RateLimitedWithRetryAfter_RetriesThen()
    {
        var decision = DeliveryPolicy.AfterPost(Item(), Server, new PostOutcome(PostStatus.RateLimited, TimeSpan.FromSeconds(30)), Now, Schedule, 0.5);

        Assert.Equal(new DeliveryDecision(DeliveryAction.Retry, "RateLimited", Now.AddSeconds(30)), decision);
    }

    [Fact]
    public void AfterPost_TransientFailures_BackoffDoublesWithJitterAndIsCapped()
    {
        var transient = new PostOutcome(PostStatus.Transient);

        Assert.Equal(Now.AddSeconds(2), DeliveryPolicy.AfterPost(Item(attempts: 0), Server, transient, Now, Schedule, 1).RetryAt);
        Assert.Equal(Now.AddSeconds(4), DeliveryPolicy.AfterPost(Item(attempts: 1), Server, transient, Now, Schedule, 1).RetryAt);
        Assert.Equal(Now.AddSeconds(2), DeliveryPolicy.AfterPost(Item(attempts: 1), Server, transient, Now, Schedule, 0).RetryAt);
        Assert.Equal(TimeSpan.FromMinutes(1), DeliveryPolicy.Backoff(30, Schedule, 1));
    }

    [Fact]
    public void AfterPost_LastAttemptFails_GivesUp()
    {
        var decision = DeliveryPolicy.AfterPost(Item(attempts: 4), Server, new PostOutcome(PostStatus.Transient), Now, Schedule, 0.5);

        Assert.Equal(new DeliveryDecision(DeliveryAction.Fail, "gave up: Transient"), decision);
    }

    [Fact]
    public void AfterPost_Rejected_FailsWithTheDetail()
    {
        Assert.Equal(new DeliveryDecision(DeliveryAction.Fail, "rejected 50035"),
            DeliveryPolicy.AfterPost(Item(), Server, new PostOutcome(PostStatus.Rejected, Detail: "50035"), Now, Schedule, 0.5));
    }

    [Fact]
    public void BeforePost_ServerLeftOrChannelDisabled_FailsWithoutPosting()
    {
        Assert.Equal("server left", DeliveryPolicy.BeforePost(Item(), Server with { Present = false })!.Reason);
        Assert.Equal("channel disabled", DeliveryPolicy.BeforePost(Item(), Server with { ChannelProblem = "gone" })!.Reason);
        Assert.Null(DeliveryPolicy.BeforePost(Item("alerts"), Server with { ChannelProblem = "gone" }));
        Assert.Null(DeliveryPolicy.BeforePost(Item(), null));
        Assert.Null(DeliveryPolicy.BeforePost(Item(), Server));
    }

    [Fact]
    public void PlatformNotRunning_AnyAttempt_RetriesAfterTheLongestBackoff()
    {
        Assert.Equal(new DeliveryDecision(DeliveryAction.Retry, "platform not running", Now.AddMinutes(1)), DeliveryPolicy.PlatformNotRunning(Now, Schedule));
    }

    [Fact]
    public void AfterDirectSend_UserRefusesMessages_DropsTheOptIn()
    {
        Assert.Equal(new DeliveryDecision(DeliveryAction.DropSubscription, "dm Forbidden"),
            DeliveryPolicy.AfterDirectSend(Item(), new PostOutcome(PostStatus.Forbidden), Now, Schedule));
        Assert.Equal(Now.AddSeconds(4), DeliveryPolicy.AfterDirectSend(Item(attempts: 1), new PostOutcome(PostStatus.Transient), Now, Schedule).RetryAt);
    }
}
