using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The contract every store keeps; runs on LiteDB and on PostgreSQL.</summary>
public abstract class SignatureStoreContract : StoreContract
{
    [Fact]
    public async Task AddAsync_SamePersonFromEightThreads_LeavesOneSignatureAndTotalOne()
    {
        using var start = new Barrier(8);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => OnOwnThread(() =>
        {
            start.SignalAndWait();
            return store.Signatures.AddAsync(TempStore.Signature("1234567890", name: "Ana Lopez " + i), MilestonePlan.None);
        })));

        Assert.Single(outcomes, o => o.Added);
        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);
        Assert.Equal(1, stats.Total);
        Assert.Single(await store.Signatures.FindAllAsync("discord:1234567890"));
        Assert.Single(await ListAsync());
    }

    [Fact]
    public async Task AddAsync_SecondSignatureBySamePerson_ChangesNothing()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", name: "First Name"), MilestonePlan.None);

        var second = await store.Signatures.AddAsync(TempStore.Signature("1", name: null, school: "Other School", at: TempStore.T0.AddDays(1)), MilestonePlan.None);

        Assert.False(second.Added);
        Assert.Equal("First Name", second.Signature.FullName);
        Assert.Equal(TempStore.T0, second.Signature.SignedAt);
        Assert.Equal(1, second.CampaignTotal);
        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);
        Assert.Equal((1, 1), (stats.Total, stats.Named));
        Assert.Equal(["other:ucsf school of medicine"], stats.BySchool.Select(s => s.Key));
    }

    [Fact]
    public async Task AddAsync_SixteenConcurrentSignersCrossingMilestone_RecordOneAnnouncementWithFiftyDeliveries()
    {
        for (var i = 0; i < 50; i++)
        {
            await store.RegisterServerAsync($"{7000 + i}", $"{8000 + i}");
        }

        using var start = new Barrier(16);
        var plan = new MilestonePlan([10], []);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => OnOwnThread(() =>
        {
            start.SignalAndWait();
            return store.Signatures.AddAsync(TempStore.Signature($"{100 + i}", school: $"School {i}"), plan);
        })));

        var announcements = outcomes.SelectMany(o => o.Announcements).ToList();
        var announcement = Assert.Single(announcements);
        Assert.Equal((AnnouncementKind.CampaignMilestone, 10), (announcement.Kind, announcement.Milestone));
        Assert.Equal(16, outcomes.Max(o => o.CampaignTotal));
        var deliveries = await store.Outbox.ListForAnnouncementAsync(announcement.Id);
        Assert.Equal(50, deliveries.Count);
        Assert.Equal(50, deliveries.Select(d => d.Channel.ChannelId).Distinct().Count());
        Assert.All(deliveries, d => Assert.Equal(OutboxState.Pending, d.State));
        Assert.Equal(50, await store.Outbox.PendingCountAsync());
        Assert.NotNull(await store.Outbox.FindAnnouncementAsync(announcement.Id));
    }

    [Fact]
    public async Task AddAsync_SchoolMilestone_GoesOnlyToThatSchoolsServers()
    {
        await store.RegisterServerAsync("1", "11", school: "UCSF School of Medicine");
        await store.RegisterServerAsync("2", "22", school: "  ucsf   school of MEDICINE ");
        await store.RegisterServerAsync("3", "33", school: "Harvard Medical School");
        await store.RegisterServerAsync("4", "44");
        var plan = new MilestonePlan([], [5]);

        var outcomes = new List<SignOutcome>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add(await store.Signatures.AddAsync(TempStore.Signature($"{i}"), plan));
            outcomes.Add(await store.Signatures.AddAsync(TempStore.Signature($"h{i}", school: "Harvard Medical School ", name: null), new MilestonePlan([], [10])));
        }

        var announcement = Assert.Single(outcomes.SelectMany(o => o.Announcements));
        Assert.Equal((AnnouncementKind.SchoolMilestone, 5, "other:ucsf school of medicine"), (announcement.Kind, announcement.Milestone, announcement.SchoolKey));
        Assert.Same(outcomes[8], outcomes.Single(o => o.Announcements.Count > 0));
        var channels = (await store.Outbox.ListForAnnouncementAsync(announcement.Id)).Select(d => d.Channel.ChannelId).Order();
        Assert.Equal(["11", "22"], channels);
    }

    [Fact]
    public async Task AddAsync_MilestoneRecrossedAfterUnsignAndSign_IsNotAnnouncedAgain()
    {
        await store.RegisterServerAsync("1", "11", school: "UCSF School of Medicine");
        var plan = new MilestonePlan([3], [3]);
        for (var i = 0; i < 3; i++)
        {
            await store.Signatures.AddAsync(TempStore.Signature($"{i}"), plan);
        }

        Assert.Equal(2, await store.Outbox.PendingCountAsync());
        Assert.True(await store.Signatures.RemoveAsync(TempStore.CampaignId, "discord:2"));
        var again = await store.Signatures.AddAsync(TempStore.Signature("2"), plan);
        var other = await store.Signatures.AddAsync(TempStore.Signature("4"), plan);

        Assert.True(again.Added);
        Assert.Equal(3, again.CampaignTotal);
        Assert.Empty(again.Announcements);
        Assert.Empty(other.Announcements);
        Assert.Equal(2, await store.Outbox.PendingCountAsync());
    }

    [Fact]
    public async Task AddAsync_MilestoneWithoutServers_IsRecordedOnceWithNoDeliveries()
    {
        var first = await store.Signatures.AddAsync(TempStore.Signature("1"), new MilestonePlan([1, 1], []));

        var announcement = Assert.Single(first.Announcements);
        Assert.Empty(await store.Outbox.ListForAnnouncementAsync(announcement.Id));
    }

    [Fact]
    public async Task AddAsync_ServersOfOtherCampaignOrWithChannelProblemOrGone_GetNoDelivery()
    {
        await store.RegisterServerAsync("1", "11");
        await store.Servers.SaveAsync(new ServerSettings(new ServerRef(PlatformKind.Discord, "2")) { AnnouncementChannelId = "22", DefaultCampaignId = "other" });
        await store.Servers.SaveAsync(new ServerSettings(new ServerRef(PlatformKind.Discord, "3")) { AnnouncementChannelId = "33", ChannelProblem = "forbidden" });
        await store.Servers.SaveAsync(new ServerSettings(new ServerRef(PlatformKind.Discord, "4")) { AnnouncementChannelId = "44", Present = false });
        await store.Servers.SaveAsync(new ServerSettings(new ServerRef(PlatformKind.Slack, "T5")) { AnnouncementChannelId = "C55", DefaultCampaignId = TempStore.CampaignId });

        var outcome = await store.Signatures.AddAsync(TempStore.Signature("1"), new MilestonePlan([1], []));

        var channels = (await store.Outbox.ListForAnnouncementAsync(outcome.Announcements[0].Id)).Select(d => d.Channel).ToList();
        Assert.Equal(2, channels.Count);
        Assert.Contains(new ChannelRef(PlatformKind.Discord, "1", "11"), channels);
        Assert.Contains(new ChannelRef(PlatformKind.Slack, "T5", "C55"), channels);
    }

    [Fact]
    public async Task GetStatsAsync_MixedSignatures_CountsBySchoolStagePlatformAndDay()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", school: "UCSF School of Medicine", stage: "MS1", at: TempStore.T0.AddDays(-2)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", name: null, school: "ucsf  school of medicine", stage: "MS1", at: TempStore.T0.AddDays(-2).AddHours(1)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3", school: "Harvard Medical School", stage: "PGY1", at: TempStore.T0), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("U4", name: null, school: "Harvard Medical School", stage: "MS1", platform: PlatformKind.Slack, serverId: "T1", at: TempStore.T0), MilestonePlan.None);

        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0.AddMinutes(1));

        Assert.Equal((4, 2), (stats.Total, stats.Named));
        Assert.Equal(new Dictionary<string, int> { ["other:ucsf school of medicine"] = 2, ["other:harvard medical school"] = 2 }, stats.BySchool.ToDictionary(s => s.Key, s => s.Count));
        Assert.Equal(new Dictionary<string, int> { ["MS1"] = 3, ["PGY1"] = 1 }, stats.ByStage.ToDictionary(s => s.Key, s => s.Count));
        Assert.Equal(new Dictionary<string, int> { ["Discord"] = 3, ["Slack"] = 1 }, stats.ByPlatform.ToDictionary(s => s.Key, s => s.Count));
        Assert.Equal([("2026-03-08", 2), ("2026-03-10", 2)], stats.ByDay.Select(d => (d.Key, d.Count)));
        Assert.Equal(2, stats.Last24Hours);
        Assert.Equal(4, stats.Last7Days);
    }

    [Fact]
    public async Task GetStatsAsync_WindowEdges_CountOnlySignaturesInsideLast24HoursAnd7Days()
    {
        var now = TempStore.T0;
        await store.Signatures.AddAsync(TempStore.Signature("1", at: now.AddHours(-1)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", at: now.AddHours(-23)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3", at: now.AddHours(-25)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("4", at: now.AddDays(-6)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("5", at: now.AddDays(-8)), MilestonePlan.None);

        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, now);

        Assert.Equal(5, stats.Total);
        Assert.Equal(2, stats.Last24Hours);
        Assert.Equal(4, stats.Last7Days);
        var later = await store.Signatures.GetStatsAsync(TempStore.CampaignId, now.AddDays(30));
        Assert.Equal((0, 0, 5), (later.Last24Hours, later.Last7Days, later.Total));
    }

    [Fact]
    public async Task RemoveAndInvalidate_OnlySignersOfTypedSchools_NothingOfThemLeftStored()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", name: "Keep Person", school: "Kept School Of Medicine"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", name: null, school: "Quillfeather Typed Academy", stage: "MS4"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3", name: "Zephyrine Vandermeer", school: "Marrowind Typed College", serverId: "spam"), MilestonePlan.None);

        Assert.True(await store.Signatures.RemoveAsync(TempStore.CampaignId, "discord:2"));
        Assert.Equal(1, await store.Signatures.InvalidateAsync(TempStore.CampaignId, new ServerRef(PlatformKind.Discord, "spam"), null, null));

        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);
        Assert.Equal(["other:kept school of medicine"], stats.BySchool.Select(s => s.Key));
        var bytes = await store.StoredBytesAsync();
        Assert.True(TempStore.Contains(bytes, "Kept School Of Medicine"));
        foreach (var gone in new[] { "Zephyrine", "Vandermeer", "Quillfeather", "quillfeather", "Marrowind", "marrowind" })
        {
            Assert.False(TempStore.Contains(bytes, gone), gone + " is still stored");
        }
    }

    [Fact]
    public async Task RemoveAsync_SignedPerson_DecrementsEveryAggregate()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", school: "Harvard Medical School", stage: "PGY1"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", name: null), MilestonePlan.None);

        Assert.True(await store.Signatures.RemoveAsync(TempStore.CampaignId, "discord:1"));
        Assert.False(await store.Signatures.RemoveAsync(TempStore.CampaignId, "discord:1"));

        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);
        Assert.Equal((1, 0, 1, 1), (stats.Total, stats.Named, stats.Last24Hours, stats.Last7Days));
        Assert.Equal(["other:ucsf school of medicine"], stats.BySchool.Select(s => s.Key));
        Assert.Equal(["MS2"], stats.ByStage.Select(s => s.Key));
        Assert.Equal([1], stats.ByDay.Select(s => s.Count));
        Assert.Null(await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"));
        Assert.NotNull(await store.Signatures.FindAsync(TempStore.CampaignId, "discord:2"));
    }

    [Fact]
    public async Task FindAllAsync_SignaturesInTwoCampaigns_ReturnsBothOnlyForThatPerson()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("1") with { CampaignId = "other" }, MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2"), MilestonePlan.None);

        var mine = await store.Signatures.FindAllAsync("discord:1");

        Assert.Equal(["other", TempStore.CampaignId], mine.Select(s => s.CampaignId).Order(StringComparer.Ordinal));
        Assert.Equal(1, (await store.Signatures.GetStatsAsync("other", TempStore.T0)).Total);
    }

    [Fact]
    public async Task ListAsync_Signatures_ReturnsOldestFirst()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", name: "Later", at: TempStore.T0.AddHours(2)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", name: "Earlier", at: TempStore.T0), MilestonePlan.None);

        Assert.Equal(["Earlier", "Later"], (await ListAsync()).Select(s => s.FullName));
    }

    [Fact]
    public async Task FileBytes_CountedOnlySigner_ContainNoNameAndNoUserIdInClear()
    {
        const string secretName = "Xochitl Quetzalli Ramirez";
        const string userId = "123456789012345678";
        var drafts = store.Drafts;
        await drafts.SaveAsync(new FlowDraft("draftid000000001", "sign", $"discord:{userId}", TempStore.CampaignId, "confirm",
            new Dictionary<string, string> { ["name"] = secretName, ["school"] = "UCSF School of Medicine" }, TempStore.T0.AddMinutes(15)));
        await store.Signatures.AddAsync(TempStore.Signature(userId, name: null, serverId: "555"), new MilestonePlan([1], []));
        await drafts.DeleteAsync("draftid000000001");
        await store.Audit.AppendAsync(new AuditEntry(AuditActions.Export, new ServerRef(PlatformKind.Discord, "555"), $"discord:{userId}", "campaign=x", TempStore.T0));
        await store.Signatures.AddAsync(TempStore.Signature("U0SLACKUSER", name: null, platform: PlatformKind.Slack, serverId: "T0TEAM"), MilestonePlan.None);

        var bytes = await store.StoredBytesAsync();

        Assert.True(bytes.Length > 0);
        Assert.True(TempStore.Contains(bytes, "UCSF School of Medicine"), "sanity: the school is stored");
        Assert.False(TempStore.Contains(bytes, secretName));
        Assert.False(TempStore.Contains(bytes, "Xochitl"));
        Assert.False(TempStore.Contains(bytes, userId));
        Assert.False(TempStore.Contains(bytes, "U0SLACKUSER"));
    }

    [Fact]
    public async Task FileBytes_NamedSignerWhoUnsigned_NoLongerContainTheName()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", name: "Marisol Zacatecas Quintero"), MilestonePlan.None);
        await store.FlushAsync();

        Assert.True(await store.Signatures.RemoveAsync(TempStore.CampaignId, "discord:1"));

        var bytes = await store.StoredBytesAsync();
        Assert.False(TempStore.Contains(bytes, "Marisol Zacatecas Quintero"));
    }

    [Fact]
    public async Task ListAsync_ConsumerAwaitsWhileOthersSign_ReturnsEverySignatureOnce()
    {
        for (var i = 0; i < 40; i++)
        {
            await store.Signatures.AddAsync(TempStore.Signature($"{i}", at: TempStore.T0.AddMinutes(i)), MilestonePlan.None);
        }

        var writers = Task.WhenAll(Enumerable.Range(100, 4).Select(w => OnOwnThread(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await store.Signatures.AddAsync(TempStore.Signature($"{w}-{i}", at: TempStore.T0.AddDays(1)), MilestonePlan.None);
            }

            return 0;
        })));
        var seen = new List<string>();
        await foreach (var s in store.Signatures.ListAsync(TempStore.CampaignId))
        {
            seen.Add(s.Id);
            await Task.Delay(1);
        }

        await writers.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.InRange(seen.Count, 40, 80);
        Assert.Equal(80, (await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0)).Total);
    }

    [Fact]
    public async Task InvalidateAsync_WorkspaceAndWindow_RemovesOnlyThoseAndAggregatesDrop()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", serverId: "spam", at: TempStore.T0), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", serverId: "spam", name: null, at: TempStore.T0.AddMinutes(30)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3", serverId: "spam", at: TempStore.T0.AddHours(2)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("4", serverId: "good", at: TempStore.T0.AddMinutes(10)), MilestonePlan.None);

        var removed = await store.Signatures.InvalidateAsync(TempStore.CampaignId, new ServerRef(PlatformKind.Discord, "spam"),
            TempStore.T0, TempStore.T0.AddHours(1));

        Assert.Equal(2, removed);
        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0.AddHours(2));
        Assert.Equal((2, 2, 2), (stats.Total, stats.Named, stats.Last24Hours));
        Assert.Equal(2, stats.BySchool.Single().Count);
        Assert.Null(await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"));
        Assert.NotNull(await store.Signatures.FindAsync(TempStore.CampaignId, "discord:3"));
        Assert.NotNull(await store.Signatures.FindAsync(TempStore.CampaignId, "discord:4"));
        var again = await store.Signatures.AddAsync(TempStore.Signature("1", serverId: "spam", at: TempStore.T0.AddHours(3)), MilestonePlan.None);
        Assert.Equal((true, 3), (again.Added, again.CampaignTotal));
    }

    [Fact]
    public async Task AddAsync_RepeatAfterFailedTransaction_TotalsStayExact()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1"), MilestonePlan.None);
        for (var i = 0; i < 3; i++)
        {
            Assert.False((await store.Signatures.AddAsync(TempStore.Signature("1"), MilestonePlan.None)).Added);
        }

        var next = await store.Signatures.AddAsync(TempStore.Signature("2", name: null), MilestonePlan.None);

        Assert.Equal(2, next.CampaignTotal);
        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);
        Assert.Equal((2, 1, 2), (stats.Total, stats.Named, stats.BySchool.Single().Count));
        Assert.Equal(2, stats.ByDay.Single().Count);
    }

    /// <summary>Runs on a dedicated thread, so 16 threads blocked on a barrier do not starve the thread pool.</summary>
    private static Task<T> OnOwnThread<T>(Func<Task<T>> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task<List<SignatureRecord>> ListAsync()
    {
        var all = new List<SignatureRecord>();
        await foreach (var s in store.Signatures.ListAsync(TempStore.CampaignId))
        {
            all.Add(s);
        }

        return all;
    }
}
