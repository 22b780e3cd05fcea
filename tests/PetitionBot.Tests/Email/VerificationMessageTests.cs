using PetitionBot.Core.Email;
using PetitionBot.Email;

namespace PetitionBot.Tests.Email;

/// <summary>The code mail says what the code is for: a person proving an address to withdraw or to see their data is not
/// told they are signing.</summary>
public sealed class VerificationMessageTests
{
    private const string Title = "Reinstate the Sensitive Areas policy";

    [Theory]
    [InlineData(VerificationPurpose.Sign, "Your code to sign \"" + Title + "\": 482913", "to sign the petition \"" + Title + "\"", "started signing")]
    [InlineData(VerificationPurpose.Unsign, "Your code to withdraw your signature from \"" + Title + "\": 482913",
        "to withdraw the signature made with it from the petition \"" + Title + "\"", "asked to withdraw it")]
    [InlineData(VerificationPurpose.MyData, "Your code to see your PetitionBot data: 482913", "to see the signatures made with it", "asked to see them")]
    public void Create_Purpose_SubjectAndBodySayWhatTheCodeIsFor(VerificationPurpose purpose, string subject, string why, string where)
    {
        var mail = new VerificationCodeMail("ana.lopez@ucsf.edu", Title, "482913", TimeSpan.FromMinutes(10), purpose);

        var message = VerificationMessage.Create("petition@example.org", mail, DateTimeOffset.UnixEpoch);

        Assert.Equal(subject, message.Subject);
        var body = (message.TextBody ?? "").ReplaceLineEndings(" ");
        Assert.Contains(why, body, StringComparison.Ordinal);
        Assert.Contains("Type it in the chat where you " + where + ".", body, StringComparison.Ordinal);
        Assert.Contains("482913", body, StringComparison.Ordinal);
        Assert.Contains("only message", body, StringComparison.Ordinal);
        if (purpose != VerificationPurpose.Sign)
        {
            Assert.DoesNotContain("to sign", body, StringComparison.Ordinal);
        }
    }
}
