using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Cli;

/// <summary>Exports through the real binary and the console: owner-only files in exports/, the time in the name, the
/// full path printed, nothing overwritten.</summary>
public sealed class ExportCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Export_TwiceWithoutOut_TwoOwnerOnlyFilesInExportsFullPathsPrinted()
    {
        var args = ChildProcess.ConfigArgs(TestConfig.For(_dir.Path));

        var first = await ChildProcess.RunAsync(_dir.Path, ["export", .. args]);
        var second = await ChildProcess.RunAsync(_dir.Path, ["export", .. args]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var exports = Path.Combine(_dir.Path, "exports");
        var files = Directory.GetFiles(exports).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(4, files.Length);
        Assert.Equal(2, files.Count(f => Path.GetFileName(f).StartsWith("test-signers-", StringComparison.Ordinal)));
        Assert.All(files, f => Assert.Matches(@"test-(signers|schools)-\d{8}T\d{6}Z(-\d+)?\.csv$", f));
        Assert.All(files, f => Assert.Contains(f, first.Output + second.Output));
        if (!OperatingSystem.IsWindows())
        {
            foreach (var f in files)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f));
            }

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(exports));
        }
    }

    [Fact]
    public async Task Export_OutFileExists_RefusedAndFileUnchanged()
    {
        var target = Path.Combine(_dir.Path, "list.csv");
        await File.WriteAllTextAsync(target, "earlier export");

        var (code, _, error) = await ChildProcess.RunAsync(_dir.Path, ["export", "--out", target, .. ChildProcess.ConfigArgs(TestConfig.For(_dir.Path))]);

        Assert.Equal(PetitionBotApp.ConfigError, code);
        Assert.Contains(target, error);
        Assert.Contains("already exists", error);
        Assert.Equal("earlier export", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task Export_OutGiven_OwnerOnlyFileAtThatPath()
    {
        var target = Path.Combine(_dir.Path, "out", "list.csv");

        var (code, output, _) = await ChildProcess.RunAsync(_dir.Path, ["export", "--out", target, .. ChildProcess.ConfigArgs(TestConfig.For(_dir.Path))]);

        Assert.Equal(0, code);
        Assert.Contains(target, output);
        Assert.Contains(Path.Combine(_dir.Path, "out", "list-schools.csv"), output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        }
    }

    [Fact]
    public async Task Console_AsNamedOrganizer_ActsAsThatOrganizerAndExportsWithFullPath()
    {
        var args = ChildProcess.ConfigArgs(TestConfig.For(_dir.Path));

        var (code, output, _) = await ChildProcess.RunAsync(_dir.Path, ["console", "--as", "organizer", "--user", "ana", .. args],
            "/export\n/export\n/as student organizer\n/export\n");

        Assert.Equal(0, code);
        Assert.Contains("acting as organizer \"ana\"", output);
        var saved = output.Split('\n').Where(l => l.Contains("Saved ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, saved.Length);
        var paths = Directory.GetFiles(Path.Combine(_dir.Path, "exports"));
        Assert.Equal(4, paths.Length);
        Assert.All(paths, p => Assert.Single(saved, l => l.EndsWith(" to " + p, StringComparison.Ordinal)));
        Assert.Contains("Now acting as student \"student\"", output);
        Assert.Contains("Only organizers", output);
    }

    public void Dispose() => _dir.Dispose();
}
