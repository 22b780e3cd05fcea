using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Cli;

public sealed class PacketExportCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ExportPdf_SignersFromConsole_NamedListedCountedOnlyAbsentFileOwnerOnly()
    {
        var settings = TestConfig.For(_dir.Path, new Dictionary<string, string?> { ["Campaigns:0:SignOff"] = "The organizers" });
        await RunAsync(settings, ["console", "--as", "student", "--user", "ana"],
        [
            "/sign", "1", "1", "Ana López", "UC Davis", "MS2", "1",
            "/user ben",
            "/sign", "2", "2", "UC Davis", "PGY1", "1",
            "/user chen",
            "/sign", "1", "1", "Chen Wei 陈伟", "Howard University", "MS1", "1",
        ]);
        var pdf = Path.Combine(_dir.Path, "out", "packet.pdf");

        var output = await RunAsync(settings, ["export", "--format", "pdf", "--out", pdf], []);

        Assert.Contains("Wrote the delivery packet", output);
        var text = await Poppler.TextAsync(pdf);
        Assert.Contains("Ana López", text);
        Assert.Contains("Chen Wei 陈伟", text);
        Assert.DoesNotContain("Ben Ortiz", text);
        var signers = text[text.IndexOf("Named signers by school", StringComparison.Ordinal)..];
        Assert.True(signers.IndexOf("Howard University", StringComparison.Ordinal) < signers.IndexOf("Chen Wei", StringComparison.Ordinal));
        Assert.True(signers.IndexOf("Chen Wei", StringComparison.Ordinal) < signers.IndexOf("University of California, Davis", StringComparison.Ordinal));
        Assert.True(signers.IndexOf("University of California, Davis", StringComparison.Ordinal) < signers.IndexOf("Ana López", StringComparison.Ordinal));
        Assert.Contains("Counted only (name withheld at the signer's request; included in every count): 1.", text);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pdf));
        }

        var info = await Poppler.InfoAsync(pdf);
        Assert.Equal("3", info["Pages"]);
    }

    [Fact]
    public async Task ExportPdf_OutExists_OneSentenceExitTwoFileUntouched()
    {
        var settings = TestConfig.For(_dir.Path);
        var target = Path.Combine(_dir.Path, "existing.pdf");
        await File.WriteAllTextAsync(target, "keep me");
        var output = new CapturedOutput();
        var error = new CapturedOutput();

        var code = await PetitionBotApp.RunAsync(["export", "--format", "pdf", "--out", target], TextReader.Null, output, error, settings);

        Assert.Equal(2, code);
        Assert.StartsWith($"{target} already exists; an export never replaces a file.", error.Text.Trim(), StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task Export_UnknownFormat_OneSentenceExitTwo()
    {
        var settings = TestConfig.For(_dir.Path);
        var output = new CapturedOutput();
        var error = new CapturedOutput();
        var target = Path.Combine(_dir.Path, "x.docx");

        var code = await PetitionBotApp.RunAsync(["export", "--format", "docx", "--out", target], TextReader.Null, output, error, settings);

        Assert.Equal(2, code);
        Assert.Equal("--format takes csv (the default) or pdf; nothing was exported.", error.Text.Trim());
        Assert.False(File.Exists(target));
    }

    private static async Task<string> RunAsync(Dictionary<string, string?> settings, string[] args, IEnumerable<string> steps)
    {
        var output = new CapturedOutput();
        var error = new CapturedOutput();
        var input = new ScriptedInput(steps, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var code = await PetitionBotApp.RunAsync(args, input, output, error, settings, timeout.Token);
        Assert.True(code == 0, $"exit {code}: {error.Text}\n{output.Text}");
        return output.Text;
    }
}
