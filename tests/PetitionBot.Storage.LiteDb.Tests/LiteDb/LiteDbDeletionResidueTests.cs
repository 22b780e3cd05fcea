using System.Diagnostics;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>Issue 13 item 5: after a removal or an invalidation, nothing of the removed person is in any file of the
/// data folder (the data file, its write-ahead log), read while the store is still open, as a copy would see them.</summary>
public sealed class LiteDbDeletionResidueTests : IDisposable
{
    private static readonly string[] Gone = ["Zephyrine", "Vandermeer", "Quillfeather", "quillfeather", "Marrowind", "marrowind"];
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task RemoveAndInvalidate_WhileOpen_NoFileHoldsTheNameOrTypedSchool()
    {
        for (var i = 0; i < 50; i++)
        {
            await _store.Signatures.AddAsync(TempStore.Signature("10" + i, name: "Other Signer " + i), MilestonePlan.None);
        }

        await _store.Signatures.AddAsync(TempStore.Signature("2", name: "Zephyrine Vandermeer", school: "Quillfeather Typed Academy"), MilestonePlan.None);
        await _store.Signatures.AddAsync(TempStore.Signature("3", name: null, school: "Marrowind Typed College", serverId: "spam"), MilestonePlan.None);
        _store.Context.Checkpoint(); // the data file holds them too, not only the log
        Assert.True(TempStore.Contains(await ReadFolderAsync(), "Zephyrine Vandermeer"));

        Assert.True(await _store.Signatures.RemoveAsync(TempStore.CampaignId, "discord:2"));
        Assert.Equal(1, await _store.Signatures.InvalidateAsync(TempStore.CampaignId, new Core.Model.ServerRef(Core.Model.PlatformKind.Discord, "spam"), null, null));

        var bytes = await ReadFolderAsync();
        Assert.True(TempStore.Contains(bytes, "Other Signer 7"));
        Assert.All(Gone, g => Assert.False(TempStore.Contains(bytes, g), g + " is still in a store file"));
        Assert.Equal(50, (await _store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0)).Total);
    }

    /// <summary>Every file of the data folder as another process reads it (cat), while this one holds the store open.</summary>
    private async Task<byte[]> ReadFolderAsync()
    {
        var all = new List<byte>();
        foreach (var file in Directory.GetFiles(_store.Directory))
        {
            using var cat = Process.Start(new ProcessStartInfo("cat", [file]) { RedirectStandardOutput = true })!;
            using var buffer = new MemoryStream();
            await cat.StandardOutput.BaseStream.CopyToAsync(buffer);
            await cat.WaitForExitAsync();
            all.AddRange(buffer.ToArray());
        }

        return [.. all];
    }
}
