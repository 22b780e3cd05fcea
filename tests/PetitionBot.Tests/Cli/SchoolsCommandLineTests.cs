using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Cli;

/// <summary>The <c>schools</c> verb on the System.CommandLine tree: help that opens nothing, usage for a missing or
/// unknown sub-command, and extra words refused rather than ignored.</summary>
public sealed class SchoolsCommandLineTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("schools --help", "map")]
    [InlineData("help schools", "other")]
    [InlineData("schools map --help", "<id>")]
    [InlineData("--help", "schools")]
    public async Task Help_Schools_PrintsItsCommandsExitsZeroAndCreatesNothing(string args, string expected)
    {
        var (code, output, error) = await RunAsync(args.Split(' '));

        Assert.True(code == 0, error);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));
    }

    [Theory]
    [InlineData("schools", "Usage: petitionbot schools other")]
    [InlineData("schools rename", "Usage: petitionbot schools other")]
    [InlineData("schools other extra", "I did not understand \"extra\"")]
    [InlineData("schools map Hogwarts ucsf extra", "I did not understand \"extra\"")]
    public async Task BadSchoolsCommandLine_OneClearLineExitTwoCreatesNothing(string args, string expected)
    {
        var (code, _, error) = await RunAsync(args.Split(' '));

        Assert.Equal(PetitionBotApp.ConfigError, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        var output = new CapturedOutput();
        var error = new CapturedOutput();
        var code = await PetitionBotApp.RunAsync(args, TextReader.Null, output, error, TestConfig.For(_dir.Path));
        return (code, output.Text, error.Text);
    }
}
