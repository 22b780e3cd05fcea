using System.Diagnostics;
using PetitionBot.Fakes.Discord;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Discord;

/// <summary>Issue 8, the way an organizer does it: the real binary gets SIGTERM (stop for good: close 1000, exit 0,
/// nothing left behind) or SIGHUP (restart: close 4000, the session left for the next start, exit 75 so the supervisor
/// starts it again).</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class DiscordStopSignalTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private FakeDiscordServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscordServer.StartAsync(LiveDiscordBot.DefaultFakeOptions);

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("TERM", 0, 1000, false)]
    [InlineData("HUP", PetitionBotApp.RestartExitCode, 4000, true)]
    public async Task Signal_RunningBot_ExitCodeCloseCodeAndHandoffFile(string signal, int exitCode, int closeCode, bool handoff)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var log = new CapturedOutput();
        using var child = ChildProcess.Start(_dir.Path, ChildProcess.ConfigArgs(LiveDiscordBot.Settings(_dir.Path, _fake)));
        child.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        child.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        child.StandardInput.Close();
        await AnsweringAsync(child, log);

        using (var kill = Process.Start("kill", ["-" + signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await child.WaitForExitAsync(timeout.Token);
        Assert.True(exitCode == child.ExitCode, $"exit code {child.ExitCode}:\n{log.Text}");
        Assert.Equal([closeCode], _fake.ClientCloseCodes);
        Assert.Equal(handoff, File.Exists(Path.Combine(_dir.Path, "petitionbot.db.discord-session")));
    }

    /// <summary>Until a probe /petition is answered (interactions sent before READY are not replayed, like on Discord). Each
    /// probe waits longer than the one before (1, 2, 4, 8 s): on a loaded machine the first answer of a fresh process can
    /// take more than a second, and a probe given up too early never counts.</summary>
    private async Task AnsweringAsync(Process child, CapturedOutput log)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var wait = TimeSpan.FromSeconds(1);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(child.HasExited, $"the bot exited early:\n{log.Text}");
            var id = await _fake.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(_fake, Guild, LiveDiscordBot.OrganizerId, "petition"));
            try
            {
                await CallbackAsync(_fake, id, wait);
                return;
            }
            catch (TimeoutException)
            {
                // not connected yet (or not answering yet): probe again, waiting longer
                wait = TimeSpan.FromSeconds(Math.Min(8, wait.TotalSeconds * 2));
            }
        }

        throw new TimeoutException("The bot never answered:\n" + log.Text);
    }
}
