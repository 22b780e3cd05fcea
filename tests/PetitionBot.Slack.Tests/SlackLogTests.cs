using Microsoft.Extensions.Logging;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests;

public sealed class SlackLogTests
{
    [Fact]
    public void Installed_TeamId_OnlyAtDebug()
    {
        var (logger, lines) = Recorder();

        SlackLog.Installed(logger, "T0SECRET1");

        Assert.Contains(lines.Entries, l => l.Level == LogLevel.Information);
        Assert.DoesNotContain(lines.Entries, l => l.Level > LogLevel.Debug && l.Text.Contains("T0SECRET1", StringComparison.Ordinal));
        Assert.Contains(lines.Entries, l => l.Level == LogLevel.Debug && l.Text.Contains("T0SECRET1", StringComparison.Ordinal));
    }

    [Fact]
    public void DirectoryFailed_TeamId_OnlyAtDebug()
    {
        var (logger, lines) = Recorder();

        SlackLog.DirectoryFailed(logger, "users.info", "T0SECRET2", "ratelimited");

        Assert.Contains(lines.Entries, l => l.Level == LogLevel.Warning && l.Text.Contains("ratelimited", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Entries, l => l.Level > LogLevel.Debug && l.Text.Contains("T0SECRET2", StringComparison.Ordinal));
    }

    private static (ILogger Logger, LogRecorder Lines) Recorder()
    {
        var provider = new LogRecorder();
        var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        return (factory.CreateLogger("test"), provider);
    }
}
