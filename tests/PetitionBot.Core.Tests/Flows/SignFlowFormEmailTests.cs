using PetitionBot.Core.Flows;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

/// <summary>/sign with <c>Verification</c> email: the school email typed in the sign form itself, so the code is mailed as
/// soon as the school is settled — no "Verify my school email" press and no separate address form.</summary>
public sealed class SignFlowFormEmailTests : IDisposable
{
    private readonly BotHarness bot = new(o =>
    {
        o.Campaigns[0].Verification = "email";
        o.Campaigns[0].EmailDomains = ["ucsfhealth.org"];
    });

    private readonly Actor student = BotHarness.Student();

    public void Dispose() => bot.Dispose();

    private Task<Reply> SubmitFormAsync(Reply form, string school, string email) =>
        bot.SubmitAsync(student, form, ("name", "Ana Lopez"), ("school", school), ("stage", "MS2"), ("email", email));

    [Fact]
    public async Task Form_VerifyingCampaign_HasAnOptionalSchoolEmailField()
    {
        var form = await bot.FormAsync(student);

        var field = Assert.Single(form.Form!.Fields, f => f.Id == "email");
        Assert.False(field.Required);
        Assert.True(field.Label.Length <= 45);
        using var plain = new BotHarness();
        Assert.DoesNotContain((await plain.FormAsync(student)).Form!.Fields, f => f.Id == "email");
    }

    [Fact]
    public async Task Form_AddressTyped_MailsTheCodeAtOnceAndTheRightCodeSigns()
    {
        var sent = await SubmitFormAsync(await bot.FormAsync(student), "UCSF", " Ana.Lopez@UCSF.edu ");

        Assert.Contains("Name: Ana Lopez\nSchool or program: University of California, San Francisco School of Medicine\n", sent.Text, StringComparison.Ordinal);
        Assert.Contains("We sent a 6-digit code to ana.lopez@ucsf.edu", sent.Text, StringComparison.Ordinal);
        Assert.Equal(["Enter code", "Resend code", "Use another address", "Edit my answers", "Cancel"], sent.Choices.Select(c => c.Label));
        var mail = Assert.Single(bot.Mailer.Sent);
        Assert.Equal("ana.lopez@ucsf.edu", mail.To);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));

        var done = await bot.SubmitAsync(student, await bot.PressAsync(student, sent, "Enter code"), ("code", mail.Code));

        Assert.StartsWith("Signed — you are the first to sign", done.Text, StringComparison.Ordinal);
        var saved = await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey);
        Assert.Equal((Verification.SchoolEmail, "ucsf.edu"), (saved!.Verification, saved.EmailDomain));
        Assert.Equal(0, await bot.LeftoverDraftsAsync(student));
    }

    [Fact]
    public async Task Form_AddressLeftEmpty_ShowsThePreviewWithVerifyAndSkip()
    {
        var preview = await SubmitFormAsync(await bot.FormAsync(student), "UCSF", "  ");

        Assert.Equal(["Verify my school email", "Skip — sign self-attested", "Edit", "Cancel"], preview.Choices.Select(c => c.Label));
        Assert.Empty(bot.Mailer.Sent);
    }

    [Fact]
    public async Task Form_MalformedAddress_FieldErrorNothingSentAndEditShowsTheAnswers()
    {
        var reply = await SubmitFormAsync(await bot.FormAsync(student), "UCSF", "ana.lopez");

        Assert.Equal("That is not an email address we can use; please type it as name@school.edu.", reply.FieldErrors["email"]);
        Assert.Contains("nothing was saved", reply.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Mailer.Sent);
        var again = await bot.PressAsync(student, reply, "Edit my answers");
        Assert.Equal("Ana Lopez", again.Form!.Fields.Single(f => f.Id == "name").Value);
        Assert.Null(again.Form.Fields.Single(f => f.Id == "email").Value);
    }

    [Fact]
    public async Task Form_WrongDomain_RefusedWithTheWaysOnAndNoMail()
    {
        var refused = await SubmitFormAsync(await bot.FormAsync(student), "UCSF", "ana@gmail.com");

        Assert.Equal("That address is not at a domain we accept for University of California, San Francisco School of Medicine; " +
                     "please use one ending in @ucsf.edu or @ucsfhealth.org.", refused.Text);
        Assert.Equal(["Type an address again", "Skip — sign self-attested", "Edit my answers", "Cancel"], refused.Choices.Select(c => c.Label));
        Assert.Empty(bot.Mailer.Sent);

        var addressForm = await bot.PressAsync(student, refused, "Type an address again");
        Assert.Equal("ana@gmail.com", addressForm.Form!.Fields.Single().Value);
        var sent = await bot.SubmitAsync(student, addressForm, ("email", "ana@ucsf.edu"));
        Assert.Contains("We sent a 6-digit code to ana@ucsf.edu", sent.Text, StringComparison.Ordinal);

        var skipped = await bot.PressAsync(student, refused, "Skip — sign self-attested");
        Assert.Contains("expired", skipped.Text, StringComparison.Ordinal); // the draft moved on to the code step
    }

    [Fact]
    public async Task Form_WrongDomainThenSkip_SignsSelfAttested()
    {
        var refused = await SubmitFormAsync(await bot.FormAsync(student), "UCSF", "ana@gmail.com");

        var done = await bot.PressAsync(student, refused, "Skip — sign self-attested");

        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
        Assert.Equal(Verification.SelfAttested, (await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey))!.Verification);
        Assert.Empty(bot.Mailer.Sent);
    }

    [Fact]
    public async Task Form_EmailRequiredWrongDomain_NoSkipOffered()
    {
        using var required = new BotHarness(o =>
        {
            o.Campaigns[0].Verification = "email-required";
            o.Campaigns[0].EmailDomains = ["ucsfhealth.org"];
        });
        var form = await required.FormAsync(student);

        var refused = await required.SubmitAsync(student, form, ("name", "Ana Lopez"), ("school", "UCSF"), ("stage", "MS2"), ("email", "ana@gmail.com"));

        Assert.Equal(["Type an address again", "Edit my answers", "Cancel"], refused.Choices.Select(c => c.Label));
        var draftId = refused.Choices[0].Token.Split(':')[1];
        foreach (var action in new[] { "sign", "skip" })
        {
            Assert.Contains("expired", (await required.Bot.HandleAsync(ChoiceInput.Button(student, null, $"sg:{draftId}:{action}"))).Text, StringComparison.Ordinal);
        }

        Assert.Null(await required.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
    }

    [Fact]
    public async Task Form_AddressWithAnUnclearSchool_MailsOnlyAfterThePick()
    {
        var ask = await SubmitFormAsync(await bot.FormAsync(student), "Nowhere Institute of Healing", "ana@ucsfhealth.org");

        Assert.Contains(ask.Choices, c => c.Label == BotHarness.OtherSchool);
        Assert.Empty(bot.Mailer.Sent);

        var sent = await bot.PressAsync(student, ask, BotHarness.OtherSchool);

        Assert.Contains("School or program: Nowhere Institute of Healing (not in our list; organizers will match it)", sent.Text, StringComparison.Ordinal);
        Assert.Contains("We sent a 6-digit code to ana@ucsfhealth.org", sent.Text, StringComparison.Ordinal);
        var done = await bot.SubmitAsync(student, await bot.PressAsync(student, sent, "Enter code"), ("code", Assert.Single(bot.Mailer.Sent).Code));
        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
        Assert.Equal(Verification.SchoolEmail, (await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey))!.Verification);
    }

    [Fact]
    public async Task Form_AddressOverTheSendLimit_SaysSoAndTypingAgainStillWorks()
    {
        for (var i = 0; i < 3; i++)
        {
            var other = BotHarness.Student($"40{i}");
            await bot.SubmitAsync(other, await bot.FormAsync(other), ("name", "Ana Lopez"), ("school", "UCSF"), ("stage", "MS2"), ("email", "ana@ucsf.edu"));
        }

        var refused = await SubmitFormAsync(await bot.FormAsync(student), "UCSF", "ana@ucsf.edu");

        Assert.StartsWith("Only 3 codes an hour can go to one person or one address", refused.Text, StringComparison.Ordinal);
        Assert.Equal(3, bot.Mailer.Sent.Count);
        var addressForm = await bot.PressAsync(student, refused, "Type an address again");
        var sent = await bot.SubmitAsync(student, addressForm, ("email", "lopez@ucsf.edu"));
        Assert.Contains("We sent a 6-digit code to lopez@ucsf.edu", sent.Text, StringComparison.Ordinal);
    }
}
