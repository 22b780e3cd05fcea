using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Storage.LiteDb;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Hosting;

/// <summary>The real binary in separate processes: one process per database file, and durability under SIGKILL.</summary>
public sealed partial class ProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Totals_WhileAnotherProcessHoldsTheDatabase_IsRefusedAndFileStaysIntact()
    {
        var settings = TestConfig.For(_dir.Path);
        var args = ChildProcess.ConfigArgs(settings);
        using var holder = ChildProcess.Start(_dir.Path, ["console", "--user", "ana", .. args]);
        await holder.StandardInput.WriteLineAsync("/sign\n1\n1\nAna Lopez\nUC Davis\nMS1\n1");
        await holder.StandardInput.FlushAsync();
        await ReadUntilAsync(holder.StandardOutput, "Signed — you are the first to sign");

        var (code, _, error) = await ChildProcess.RunAsync(_dir.Path, ["totals", .. args]);
        Assert.Equal(PetitionBotApp.StoreLocked, code);
        Assert.Contains("in use by another PetitionBot process", error);

        holder.StandardInput.Close();
        await holder.WaitForExitAsync();
        var (after, output, _) = await ChildProcess.RunAsync(_dir.Path, ["totals", .. args]);
        Assert.Equal(0, after);
        Assert.Contains("Total 1 (1 named, 0 counted only)", output);
    }

    [Fact]
    public async Task Sign_ChildKilledMidBurst_EverySignatureReportedSavedIsThere()
    {
        var settings = TestConfig.For(_dir.Path);
        using var child = ChildProcess.Start(_dir.Path, ["console", .. ChildProcess.ConfigArgs(settings)]);
        var writer = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; i < 400; i++)
                {
                    await child.StandardInput.WriteLineAsync(i % 2 == 0 ? $"/user s{i}\n/sign\n1\n1\nSigner Number{i}\nUC Davis\nMS2\n1" : $"/user s{i}\n/sign\n1\n2\nUC Davis\nMS2\n1");
                    await child.StandardInput.FlushAsync();
                }
            }
            catch (IOException)
            {
                // The child was killed while we were still writing: expected.
            }
        });

        var reported = new List<string>();
        string? line;
        string? user = null;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null)
        {
            if (UserLine().Match(line) is { Success: true } m)
            {
                user = m.Groups[1].Value;
            }
            else if (line.Contains("Signed — you are", StringComparison.Ordinal) && user is not null)
            {
                reported.Add(user);
                if (reported.Count == 25)
                {
                    child.Kill(entireProcessTree: true);
                    break;
                }
            }
        }

        await child.WaitForExitAsync();
        await writer;
        Assert.Equal(25, reported.Count);

        using var db = new LiteDbContext(Options.Create(new StorageOptions { Path = settings["Storage:Path"]! }));
        var store = new LiteDbSignatureStore(db);
        foreach (var name in reported)
        {
            Assert.NotNull(await store.FindAsync("test", "console:" + name));
        }

        // The child may have saved more than we read before the kill (its output is buffered); never fewer, never twice.
        var stats = await store.GetStatsAsync("test", DateTimeOffset.UtcNow);
        Assert.InRange(stats.Total, reported.Count, 400);
        Assert.Equal(stats.Total, stats.BySchool.Single().Count);
    }

    public void Dispose() => _dir.Dispose();

    private static async Task ReadUntilAsync(StreamReader reader, string fragment)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) is not null)
        {
            if (line.Contains(fragment, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The child ended before printing \"{fragment}\".");
    }

    [GeneratedRegex("Now acting as student \"(s\\d+)\"")]
    private static partial Regex UserLine();
}
