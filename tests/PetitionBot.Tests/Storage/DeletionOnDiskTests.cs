using System.Diagnostics;
using System.Text;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Storage;

/// <summary>Issue 13 item 5 through the running host: after /unsign and /mydata delete, no file of the data folder
/// holds the person's name or the school only they typed (raw bytes, UTF-8 and UTF-16, read by another process while
/// the host keeps the store open).</summary>
public sealed class DeletionOnDiskTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private IHost _host = null!;
    private IPetitionBot _bot = null!;

    public async Task InitializeAsync()
    {
        _host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, []) { Overrides = TestConfig.For(_dir.Path) });
        await _host.StartAsync();
        _bot = _host.Services.GetRequiredService<IPetitionBot>();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task UnsignAndMyDataDelete_WhileHostRuns_NoStoreFileHoldsThem()
    {
        var named = new Actor(PlatformKind.Discord, "500", "71", [], false, "discord:71");
        var counted = new Actor(PlatformKind.Discord, "500", "72", [], false, "discord:72");
        await SignAsync(new Actor(PlatformKind.Discord, "500", "70", [], false, "discord:70"), named: true, "Kept Person", "Kept Typed School");
        await SignAsync(named, named: true, "Zephyrine Vandermeer", "Quillfeather Typed Academy");
        await SignAsync(counted, named: false, null, "Marrowind Typed College");
        Assert.True(Contains(await ReadDataFolderAsync(), "Zephyrine Vandermeer"));

        var unsign = await _bot.HandleAsync(CommandInput.Create(named, "c", CommandCatalog.Unsign));
        await _bot.HandleAsync(ChoiceInput.Button(named, "c", unsign.Choices.Single(c => c.Label == "Withdraw my signature").Token));
        var mydata = await _bot.HandleAsync(CommandInput.Create(counted, "c", CommandCatalog.MyData));
        var ask = await _bot.HandleAsync(ChoiceInput.Button(counted, "c", mydata.Choices.Single(c => c.Label == "Delete all my data").Token));
        await _bot.HandleAsync(ChoiceInput.Button(counted, "c", ask.Choices.Single(c => c.Label == "Yes, delete everything").Token));

        var bytes = await ReadDataFolderAsync();
        Assert.True(Contains(bytes, "Kept Person"));
        foreach (var gone in new[] { "Zephyrine", "Vandermeer", "Quillfeather", "quillfeather", "Marrowind", "marrowind" })
        {
            Assert.False(Contains(bytes, gone), gone + " is still in a store file");
        }
    }

    private async Task SignAsync(Actor actor, bool named, string? name, string school)
    {
        var start = await _bot.HandleAsync(CommandInput.Create(actor, "c", CommandCatalog.Sign));
        var naming = await _bot.HandleAsync(ChoiceInput.Button(actor, "c", start.Choices[0].Token));
        var reply = await _bot.HandleAsync(ChoiceInput.Button(actor, "c", naming.Choices[named ? 0 : 1].Token));
        var values = new Dictionary<string, string> { ["name"] = name ?? "", ["school"] = school, ["stage"] = "MS2" };
        reply = await _bot.HandleAsync(new FormInput(actor, "c", reply.Form!.Token,
            reply.Form.Fields.ToDictionary(f => f.Id, f => values.GetValueOrDefault(f.Id, "MS2"))));
        for (var step = 0; step < 5 && !reply.Text.StartsWith("Signed", StringComparison.Ordinal); step++)
        {
            var next = reply.Choices.FirstOrDefault(c => c.Label.StartsWith("Other", StringComparison.Ordinal))
                ?? reply.Choices.First(c => c.Label.StartsWith("Sign", StringComparison.Ordinal) || c.Label.Contains("count", StringComparison.OrdinalIgnoreCase));
            reply = await _bot.HandleAsync(ChoiceInput.Button(actor, "c", next.Token));
        }

        Assert.StartsWith("Signed", reply.Text, StringComparison.Ordinal);
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;

    /// <summary>Every file of the data folder as another process reads it (cat), while the host holds the store open.</summary>
    private async Task<byte[]> ReadDataFolderAsync()
    {
        var all = new List<byte>();
        foreach (var file in Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories))
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
