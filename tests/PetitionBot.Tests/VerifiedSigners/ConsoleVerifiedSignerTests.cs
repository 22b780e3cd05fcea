using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.VerifiedSigners;

/// <summary>The local console shows the whole email flow with no mail server: the code is written as an <c>.eml</c>
/// file to <c>Email:PickupDirectory</c>, and the console says where.</summary>
public sealed class ConsoleVerifiedSignerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Console_EmailVerification_PickupFileNamedAndRightCodeSignsVerified()
    {
        var mail = Path.Combine(_dir.Path, "mail");
        var settings = TestConfig.For(_dir.Path, new Dictionary<string, string?>
        {
            ["Campaigns:0:Verification"] = "email-required",
            ["Campaigns:0:EmailDomains:0"] = "verify-school.edu",
            ["Email:PickupDirectory"] = mail,
        });
        var output = new CapturedOutput();
        var error = new CapturedOutput();

        IEnumerable<string> Script()
        {
            yield return "/sign";
            yield return "1";             // Medical student
            yield return "2";             // counted only: no name is asked
            yield return "UC Davis";
            yield return "MS2";
            yield return "";              // no school email in the form: the preview offers to verify
            yield return "wait-for:Name: not asked (counted only)";
            yield return "1";             // Verify my school email
            yield return "ana@verify-school.edu";
            yield return "wait-for:the message was written to ";
            yield return "1";             // Enter code
            yield return CodeIn(mail);
            yield return "wait-for:Signed — you are the first to sign";
            yield return "/mydata";
            yield return "wait-for:verified by school email (verify-school.edu)";
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var code = await PetitionBotApp.RunAsync(["console", "--as", "student", "--user", "ana"], new ScriptedInput(Script(), output), output, error, settings, timeout.Token);

        Assert.True(code == 0, $"exit {code}: {error.Text}\n{output.Text}");
        var written = Assert.Single(Directory.GetFiles(mail, "*.eml"));
        Assert.Contains("the message was written to " + written, output.Text, StringComparison.Ordinal);
        Assert.Contains("Signed — you are the first to sign", output.Text, StringComparison.Ordinal);
        Assert.Contains("verified by school email (verify-school.edu)", output.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Full name", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_AddressTypedInTheForm_CodeWrittenAtOnceAndSigned()
    {
        var mail = Path.Combine(_dir.Path, "mail");
        var settings = TestConfig.For(_dir.Path, new Dictionary<string, string?>
        {
            ["Campaigns:0:Verification"] = "email",
            ["Campaigns:0:EmailDomains:0"] = "verify-school.edu",
            ["Email:PickupDirectory"] = mail,
        });
        var output = new CapturedOutput();
        var error = new CapturedOutput();

        IEnumerable<string> Script()
        {
            yield return "/sign";
            yield return "1";             // Medical student
            yield return "2";             // counted only
            yield return "UC Davis";
            yield return "MS2";
            yield return "ana@verify-school.edu";
            yield return "wait-for:the message was written to ";
            yield return "1";             // Enter code
            yield return CodeIn(mail);
            yield return "wait-for:Signed — you are the first to sign";
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var code = await PetitionBotApp.RunAsync(["console", "--as", "student", "--user", "ana"], new ScriptedInput(Script(), output), output, error, settings, timeout.Token);

        Assert.True(code == 0, $"exit {code}: {error.Text}\n{output.Text}");
        Assert.Contains("School email, for a 6-digit code (optional)", output.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Verify my school email", output.Text, StringComparison.Ordinal);
        Assert.Contains("Verified by school email (verify-school.edu)", output.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private static string CodeIn(string directory) =>
        VerifiedSignerRig.CodeIn(File.ReadAllText(Assert.Single(Directory.GetFiles(directory, "*.eml"))));
}
