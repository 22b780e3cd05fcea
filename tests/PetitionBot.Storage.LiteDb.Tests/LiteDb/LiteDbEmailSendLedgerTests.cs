using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The code-send counts kept in memory beside <c>email_sends</c>: still exact after a restart, and the file
/// keeps no send older than the hour past the next purge.</summary>
public sealed class LiteDbEmailSendLedgerTests
{
    private const string Address = "ana@ucsf.edu";

    [Fact]
    public async Task TryCountSendAsync_StoreReopened_EarlierSendsStillCounted()
    {
        using var store = new TempStore();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(i), 3));
        }

        store.Context.Dispose();
        using var reopened = new LiteDbContext(store.Options);
        var emails = new LiteDbEmailVerificationStore(reopened, new LiteDbSignatureStore(reopened));

        Assert.False(await emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(10), 3));
        Assert.False(await emails.TryCountSendAsync("discord:2", Address, TempStore.T0.AddMinutes(10), 3));
        Assert.True(await emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(62), 3));
    }

    [Fact]
    public async Task UncountSendAsync_StoreReopened_TheTakenBackSendIsGoneFromTheFileToo()
    {
        using var store = new TempStore();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(i), 3));
        }

        await store.Emails.UncountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(1));
        Assert.Equal(4, store.Context.EmailSends.Count());

        store.Context.Dispose();
        using var reopened = new LiteDbContext(store.Options);
        var emails = new LiteDbEmailVerificationStore(reopened, new LiteDbSignatureStore(reopened));

        Assert.True(await emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(10), 3));
        Assert.False(await emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(11), 3));
    }

    [Fact]
    public async Task TryCountSendAsync_SendsOverAnHourOld_DeletedFromTheFileAtTheNextPurge()
    {
        using var store = new TempStore();
        Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0, 3));
        Assert.True(await store.Emails.TryCountSendAsync("discord:2", "ben@ucsf.edu", TempStore.T0.AddMinutes(30), 3));
        Assert.Equal(4, store.Context.EmailSends.Count());

        // 61 minutes on: the first send is past the hour and a minute has passed since the last purge.
        Assert.True(await store.Emails.TryCountSendAsync("discord:3", "cy@ucsf.edu", TempStore.T0.AddMinutes(61), 3));

        Assert.Equal(4, store.Context.EmailSends.Count());
        Assert.DoesNotContain(store.Context.EmailSends.FindAll(), d => d.AtTicks <= TempStore.T0.UtcTicks);
    }

    [Fact]
    public async Task TryCountSendAsync_LimitReached_NothingWritten()
    {
        using var store = new TempStore();
        Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0, 1));

        Assert.False(await store.Emails.TryCountSendAsync("discord:1", "other@ucsf.edu", TempStore.T0.AddMinutes(1), 1));

        Assert.Equal(2, store.Context.EmailSends.Count());
    }

    [Fact]
    public void Constructor_FileWithTheOldEmailHashIndex_IndexDropped()
    {
        using var store = new TempStore();
        store.Context.Signatures.EnsureIndex(x => x.EmailHash);
        Assert.Contains(Indexes(store.Context), name => name == "EmailHash");
        store.Context.Dispose();

        using var reopened = new LiteDbContext(store.Options);

        Assert.DoesNotContain(Indexes(reopened), name => name == "EmailHash");
        Assert.Contains(Indexes(reopened), name => name == "Key");
    }

    [Fact]
    public async Task Constructor_FileWithTheOldSubjectIndex_IndexDroppedAndSendsStillCounted()
    {
        using var store = new TempStore();
        Assert.True(await store.Emails.TryCountSendAsync("discord:1", "ana@ucsf.edu", TempStore.T0, 1));
        store.Context.EmailSends.EnsureIndex(x => x.Subject);
        Assert.Contains(Indexes(store.Context, "email_sends"), name => name == "Subject");
        store.Context.Dispose();

        using var reopened = new LiteDbContext(store.Options);
        var emails = new LiteDbEmailVerificationStore(reopened, new LiteDbSignatureStore(reopened));

        Assert.DoesNotContain(Indexes(reopened, "email_sends"), name => name == "Subject");
        Assert.False(await emails.TryCountSendAsync("discord:1", "ana@ucsf.edu", TempStore.T0.AddMinutes(1), 1));
    }

    private static List<string> Indexes(LiteDbContext context, string collection = "signatures") =>
        context.Database.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", collection))
            .Select(d => d["name"].AsString).ToList();
}
