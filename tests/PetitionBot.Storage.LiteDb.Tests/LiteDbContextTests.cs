using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbContextTests
{
    [Fact]
    public async Task Constructor_SecondContextOnSamePath_ThrowsStoreLockedAndFirstKeepsWorking()
    {
        using var store = new TempStore();
        await store.Signatures.AddAsync(TempStore.Signature("1"), MilestonePlan.None);

        var ex = Assert.Throws<StoreLockedException>(() => new LiteDbContext(store.Options));

        Assert.Equal(Path.GetFullPath(store.Options.Path), ex.DatabasePath);
        await store.Signatures.AddAsync(TempStore.Signature("2"), MilestonePlan.None);
        Assert.Equal(2, (await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0)).Total);
        Assert.NotNull(await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Write_NewFolder_Folder700DataFileLogAndKey600WhileOpen()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pb-modes-" + Guid.NewGuid().ToString("N"), "data");
        try
        {
            using (var context = new LiteDbContext(new StorageOptions { Path = Path.Combine(folder, "pb.db") }))
            {
                await new LiteDbSignatureStore(context).AddAsync(TempStore.Signature("1"), MilestonePlan.None);

                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
                Assert.True(File.Exists(Path.Combine(folder, "pb-log.db")));
                foreach (var file in new[] { "pb.db", "pb-log.db", "pb.db.key", "pb.db.lock" })
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, file)));
                }
            }

            // Reopened: LiteDB recreates its log on the next write; it is 600 again.
            using var reopened = new LiteDbContext(new StorageOptions { Path = Path.Combine(folder, "pb.db") });
            await new LiteDbSignatureStore(reopened).AddAsync(TempStore.Signature("2"), MilestonePlan.None);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "pb-log.db")));
            Assert.NotNull(await new LiteDbSignatureStore(reopened).FindAsync(TempStore.CampaignId, "discord:1"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task Constructor_AfterFirstDisposed_ReopensWithDataIntact()
    {
        using var store = new TempStore();
        await store.Signatures.AddAsync(TempStore.Signature("1"), MilestonePlan.None);
        store.Context.Dispose();

        using var reopened = new LiteDbContext(store.Options);

        var signatures = new LiteDbSignatureStore(reopened);
        Assert.NotNull(await signatures.FindAsync(TempStore.CampaignId, "discord:1"));
        Assert.Equal(1, (await signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0)).Total);
    }

    [Fact]
    public async Task Constructor_PasswordProtectedFile_OpensOnlyWithThePassword()
    {
        using var store = new TempStore(password: "correct horse battery staple");
        await store.Signatures.AddAsync(TempStore.Signature("1", name: "Ana Lopez"), MilestonePlan.None);
        var bytes = store.CloseAndReadFiles();
        Assert.False(TempStore.Contains(bytes, "Ana Lopez"));
        Assert.False(TempStore.Contains(bytes, "UCSF School of Medicine"));

        var noPassword = new StorageOptions { Path = store.Options.Path };
        var wrongPassword = new StorageOptions { Path = store.Options.Path, Password = "wrong" };
        var without = Assert.ThrowsAny<Exception>(() => new LiteDbContext(noPassword));
        var wrong = Assert.ThrowsAny<Exception>(() => new LiteDbContext(wrongPassword));
        Assert.IsNotType<StoreLockedException>(without);
        Assert.IsNotType<StoreLockedException>(wrong);

        using var reopened = new LiteDbContext(store.Options);
        var found = await new LiteDbSignatureStore(reopened).FindAsync(TempStore.CampaignId, "discord:1");
        Assert.Equal("Ana Lopez", found?.FullName);
    }

    [Fact]
    public async Task Constructor_FailedOpen_ReleasesTheLock()
    {
        using var store = new TempStore(password: "secret");
        await store.Signatures.AddAsync(TempStore.Signature("1"), MilestonePlan.None);
        store.CloseAndReadFiles();

        Assert.ThrowsAny<Exception>(() => new LiteDbContext(new StorageOptions { Path = store.Options.Path }));

        using var reopened = new LiteDbContext(store.Options);
        Assert.NotNull(await new LiteDbSignatureStore(reopened).FindAsync(TempStore.CampaignId, "discord:1"));
    }

    [Fact]
    public async Task Constructor_InMemoryStream_WorksWithoutFile()
    {
        using var db = new LiteDbContext(new MemoryStream(), TempStore.RandomKeys());
        var signatures = new LiteDbSignatureStore(db);

        var outcome = await signatures.AddAsync(TempStore.Signature("1"), MilestonePlan.None);

        Assert.True(outcome.Added);
        Assert.Equal(1, (await signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0)).Total);
    }
}
