using PetitionBot.Core.Email;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

/// <summary>/sign with <c>Verification</c> email / email-required: the address, its domain, the code and its limits.</summary>
public sealed class SignFlowEmailTests : IDisposable
{
    private readonly BotHarness bot = new(o =>
    {
        o.Campaigns[0].Verification = "email";
        o.Campaigns[0].EmailDomains = ["ucsfhealth.org"];
    });

    private readonly Actor student = BotHarness.Student();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Sign_RightCode_SignsVerifiedBySchoolEmail()
    {
        var preview = await bot.FillAsync(student, school: "UCSF");
        Assert.Equal(["Verify my school email", "Skip — sign self-attested", "Edit", "Cancel"], preview.Choices.Select(c => c.Label));
        var addressForm = await bot.PressAsync(student, preview, "Verify my school email");
        Assert.Equal(["email"], addressForm.Form!.Fields.Select(f => f.Id));

        var sent = await bot.SubmitAsync(student, addressForm, ("email", "  Ana.Lopez@UCSF.edu "));

        Assert.Contains("We sent a 6-digit code to ana.lopez@ucsf.edu", sent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(".eml", sent.Text, StringComparison.Ordinal);
        Assert.Equal(["Enter code", "Resend code", "Use another address", "Cancel"], sent.Choices.Select(c => c.Label));
        var mail = Assert.Single(bot.Mailer.Sent);
        Assert.Equal(("ana.lopez@ucsf.edu", bot.Campaign.Title, TimeSpan.FromMinutes(10), VerificationPurpose.Sign), (mail.To, mail.CampaignTitle, mail.ValidFor, mail.Purpose));
        Assert.Equal((student.Platform, student.ServerId, student.UserId), (mail.Signer!.Platform, mail.Signer.ServerId, mail.Signer.UserId));
        Assert.Matches("^[0-9]{6}$", mail.Code);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));

        var codeForm = await bot.PressAsync(student, sent, "Enter code");
        var done = await bot.SubmitAsync(student, codeForm, ("code", mail.Code[..3] + " " + mail.Code[3..]));

        Assert.StartsWith("Signed — you are the first to sign", done.Text, StringComparison.Ordinal);
        Assert.Contains("Verified by school email (ucsf.edu)", done.Text, StringComparison.Ordinal);
        var saved = await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey);
        Assert.Equal(Verification.SchoolEmail, saved!.Verification);
        Assert.Equal("ucsf.edu", (await bot.Emails.FindByEmailAsync(BotHarness.CampaignId, "ana.lopez@ucsf.edu"))!.EmailDomain);
        Assert.Equal(0, await bot.LeftoverDraftsAsync(student));
    }

    /// <summary>With an SMTP host the code goes out in the background: the answer says it is on its way, and when the
    /// send failed, "Enter code" (and the code itself) say the mail server is not answering instead of asking for it.</summary>
    [Fact]
    public async Task Sign_QueuedMailFailed_EnterCodeSaysTryLaterAndNothingSaved()
    {
        bot.Mailer.Queue = true;
        var preview = await bot.FillAsync(student, school: "UCSF");
        var addressForm = await bot.PressAsync(student, preview, "Verify my school email");

        var sent = await bot.SubmitAsync(student, addressForm, ("email", "ana.lopez@ucsf.edu"));

        Assert.StartsWith("We are sending a 6-digit code to ana.lopez@ucsf.edu", sent.Text, StringComparison.Ordinal);
        Assert.Equal(["Enter code", "Resend code", "Use another address", "Cancel"], sent.Choices.Select(c => c.Label));
        bot.Mailer.QueuedFailure = MailFailure.Unreachable;

        var enter = await bot.PressAsync(student, sent, "Enter code");

        Assert.Null(enter.Form);
        Assert.Contains("mail server is not answering; nothing was saved, please try again later", enter.Text, StringComparison.Ordinal);
        Assert.Equal(["Try again", "Cancel"], enter.Choices.Select(c => c.Label));
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
        var retried = await bot.PressAsync(student, sent, "Resend code"); // told once; pressing again is a new try
        Assert.StartsWith("We are sending a 6-digit code", retried.Text, StringComparison.Ordinal);
        Assert.Equal(2, bot.Mailer.Sent.Count);
    }

    [Fact]
    public async Task Sign_QueuedMailsFailedThreeTimes_FourthTryStillSends()
    {
        bot.Mailer.Queue = true;
        var sent = await bot.SubmitAsync(student, await bot.PressAsync(student, await bot.FillAsync(student, school: "UCSF"), "Verify my school email"),
            ("email", "ana.lopez@ucsf.edu"));
        bot.Mailer.QueuedFailure = MailFailure.Unreachable;
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("mail server is not answering", (await bot.PressAsync(student, sent, "Enter code")).Text, StringComparison.Ordinal);
            bot.Time.Advance(TimeSpan.FromSeconds(1));
            sent = await bot.PressAsync(student, sent, "Resend code");
            Assert.StartsWith("We are sending a 6-digit code", sent.Text, StringComparison.Ordinal);
        }

        bot.Mailer.QueuedFailure = MailFailure.None;
        var codeForm = await bot.PressAsync(student, sent, "Enter code");
        var done = await bot.SubmitAsync(student, codeForm, ("code", bot.Mailer.LastCode));

        Assert.Equal(4, bot.Mailer.Sent.Count);
        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_Skip_SignsSelfAttestedWithoutMail()
    {
        var preview = await bot.FillAsync(student, school: "UCSF");

        var done = await bot.PressAsync(student, preview, "Skip — sign self-attested");

        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
        Assert.Equal(Verification.SelfAttested, (await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey))!.Verification);
        Assert.Empty(bot.Mailer.Sent);
    }

    [Fact]
    public async Task Sign_EmailRequired_HasNoSkipAndSignCannotBeForged()
    {
        using var required = new BotHarness(o => o.Campaigns[0].Verification = "email-required");
        var preview = await required.FillAsync(student, school: "UCSF");
        Assert.Equal(["Verify my school email", "Edit", "Cancel"], preview.Choices.Select(c => c.Label));
        var draftId = preview.Choices[0].Token.Split(':')[1];

        foreach (var action in new[] { "sign", "skip" })
        {
            var reply = await required.Bot.HandleAsync(ChoiceInput.Button(student, null, $"sg:{draftId}:{action}"));
            Assert.Contains("expired", reply.Text, StringComparison.Ordinal);
        }

        Assert.Null(await required.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
    }

    [Theory]
    [InlineData("ana.lopez", "That is not an email address we can use; please type it as name@school.edu.")]
    [InlineData("ana@@ucsf.edu", "That is not an email address we can use; please type it as name@school.edu.")]
    [InlineData("ana lopez@ucsf.edu", "That is not an email address we can use; please type it as name@school.edu.")]
    [InlineData("ana@ucsf", "That is not an email address we can use; please type it as name@school.edu.")]
    [InlineData("ana@gmail.com", "That address is not at a domain we accept for University of California, San Francisco School of Medicine; please use one ending in @ucsf.edu or @ucsfhealth.org.")]
    [InlineData("ana@ucsf.edu.evil.com", "That address is not at a domain we accept for University of California, San Francisco School of Medicine; please use one ending in @ucsf.edu or @ucsfhealth.org.")]
    [InlineData("ana@notucsf.edu", "That address is not at a domain we accept for University of California, San Francisco School of Medicine; please use one ending in @ucsf.edu or @ucsfhealth.org.")]
    public async Task Address_MalformedOrWrongDomain_OneSentenceAndNoMail(string address, string error)
    {
        var addressForm = await bot.PressAsync(student, await bot.FillAsync(student, school: "UCSF"), "Verify my school email");

        var reply = await bot.SubmitAsync(student, addressForm, ("email", address));

        Assert.Equal(error, reply.FieldErrors["email"]);
        Assert.Equal(error, reply.Text);
        Assert.Empty(bot.Mailer.Sent);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
    }

    [Theory]
    [InlineData("ana@med.ucsf.edu")]
    [InlineData("ana@ucsfhealth.org")]
    public async Task Address_SubdomainOrCampaignDomain_IsAccepted(string address)
    {
        var addressForm = await bot.PressAsync(student, await bot.FillAsync(student, school: "UCSF"), "Verify my school email");

        var reply = await bot.SubmitAsync(student, addressForm, ("email", address));

        Assert.Empty(reply.FieldErrors);
        Assert.Single(bot.Mailer.Sent);
    }

    [Fact]
    public async Task Address_SchoolWithoutKnownDomain_AsksToTellOrganizers()
    {
        using var plain = new BotHarness(o => o.Campaigns[0].Verification = "email");
        var addressForm = await plain.PressAsync(student, await plain.FillAsync(student, school: "Zzyzx Medical College"), "Verify my school email");

        var reply = await plain.SubmitAsync(student, addressForm, ("email", "ana@zzyzx.edu"));

        Assert.Equal("We do not know the email domain of Zzyzx Medical College yet, so we cannot check this address; please ask your organizers to add your school's domain.",
            reply.FieldErrors["email"]);
    }

    [Fact]
    public async Task Code_WrongFiveTimes_EndsTheAttemptAndSavesNothing()
    {
        var sent = await SendCodeAsync();
        var wrong = bot.Mailer.LastCode == "000000" ? "111111" : "000000";
        Reply reply = sent;
        for (var i = 1; i <= 4; i++)
        {
            reply = await bot.SubmitAsync(student, await bot.PressAsync(student, sent, "Enter code"), ("code", wrong));
            Assert.Equal($"That code is not right; you have {5 - i} {(5 - i == 1 ? "try" : "tries")} left.", reply.FieldErrors["code"]);
        }

        reply = await bot.SubmitAsync(student, await bot.PressAsync(student, sent, "Enter code"), ("code", wrong));
        Assert.Equal("That was the 5th wrong code, so this attempt has ended and nothing was saved; start again with /sign.", reply.Text);

        var late = await bot.Bot.HandleAsync(new FormInput(student, null, (await bot.PressAsync(student, sent, "Enter code")).Form?.Token ?? "sgf:x:code",
            new Dictionary<string, string> { ["code"] = bot.Mailer.LastCode }));
        Assert.Contains("expired", late.Text, StringComparison.Ordinal);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
        Assert.Equal(0, await bot.LeftoverDraftsAsync(student));
    }

    [Fact]
    public async Task Code_AfterTenMinutes_IsExpiredAndResendGivesANewOne()
    {
        var sent = await SendCodeAsync();
        var first = bot.Mailer.LastCode;
        bot.Time.Advance(TimeSpan.FromMinutes(10));

        var expired = await bot.SubmitAsync(student, await bot.PressAsync(student, sent, "Enter code"), ("code", first));

        Assert.Equal("That code has expired; press \"Resend code\" for a new one.", expired.Text);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));

        var resent = await bot.PressAsync(student, expired, "Resend code");
        Assert.Contains("We sent a 6-digit code", resent.Text, StringComparison.Ordinal);
        Assert.Equal(2, bot.Mailer.Sent.Count);
        var done = await bot.SubmitAsync(student, await bot.PressAsync(student, resent, "Enter code"), ("code", bot.Mailer.LastCode));
        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_NotSixDigits_IsNotCountedAsATry()
    {
        var sent = await SendCodeAsync();

        var reply = await bot.SubmitAsync(student, await bot.PressAsync(student, sent, "Enter code"), ("code", "12ab"));

        Assert.Equal("The code is the 6 digits from the email; please type just those.", reply.FieldErrors["code"]);
        var done = await bot.SubmitAsync(student, await bot.PressAsync(student, sent, "Enter code"), ("code", bot.Mailer.LastCode));
        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_FourthInAnHour_IsRefused()
    {
        var sent = await SendCodeAsync();
        await bot.PressAsync(student, sent, "Resend code");
        await bot.PressAsync(student, sent, "Resend code");

        var fourth = await bot.PressAsync(student, sent, "Resend code");

        Assert.Equal("Only 3 codes an hour can go to one person or one address, so none was sent; please try again in an hour.", fourth.Text);
        Assert.Equal(3, bot.Mailer.Sent.Count);
    }

    [Fact]
    public async Task Address_FourthSendToSameAddressFromOtherPeople_IsRefused()
    {
        foreach (var id in new[] { "1", "2", "3" })
        {
            await SendCodeAsync(BotHarness.Student(id));
        }

        var reply = await SendCodeAsync(BotHarness.Student("4"));

        Assert.StartsWith("Only 3 codes an hour", reply.Text, StringComparison.Ordinal);
        Assert.Equal(3, bot.Mailer.Sent.Count);
    }

    [Fact]
    public async Task Address_MailServerDownThreeTimes_SendsNotCountedSoTheFourthGoes()
    {
        bot.Mailer.Failure = MailFailure.Refused;
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("mail server is not answering", (await SendCodeAsync()).Text, StringComparison.Ordinal);
            bot.Time.Advance(TimeSpan.FromSeconds(1));
        }

        bot.Mailer.Failure = MailFailure.None;
        var reply = await SendCodeAsync();

        Assert.StartsWith("We sent a 6-digit code", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MailFailure.Refused)]
    [InlineData(MailFailure.Unreachable)]
    public async Task Address_MailServerDown_SaysTryLaterAndKeepsNoAddress(MailFailure failure)
    {
        bot.Mailer.Failure = failure;

        var reply = await SendCodeAsync();

        Assert.Equal("We could not send the code because the mail server is not answering; nothing was saved, please try again later.", reply.Text);
        Assert.DoesNotContain(reply.Choices, c => c.Label == "Enter code");
        var draftId = reply.Choices[0].Token.Split(':')[1];
        Assert.DoesNotContain("email", (await bot.Drafts.FindAsync(draftId, student.IdentityKey))!.Values.Keys);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
    }

    [Fact]
    public async Task Address_PickupMode_PathShownOnlyOnTheConsole()
    {
        bot.Mailer.PickupPath = "/tmp/mail/code.eml";
        var console = new Actor(PlatformKind.Console, "local", "ana", [], false, "console:ana");

        var onDiscord = await SendCodeAsync();
        var onConsole = await SendCodeAsync(console);
        Assert.Null(bot.Mailer.Sent.Last().Signer); // the console waits for the mail: nobody to message later

        Assert.DoesNotContain("/tmp/mail", onDiscord.Text, StringComparison.Ordinal);
        Assert.Contains("written to /tmp/mail/code.eml", onConsole.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Address_Submitted_CountsTheSendAndSavesTheAttemptInOneWrite()
    {
        var addressForm = await bot.PressAsync(student, await bot.FillAsync(student, school: "UCSF"), "Verify my school email");
        var before = bot.Context.WriteTransactions;

        var sent = await bot.SubmitAsync(student, addressForm, ("email", "ana@ucsf.edu"));

        Assert.Equal(1, bot.Context.WriteTransactions - before);
        var draft = await bot.Drafts.FindAsync(sent.Choices[0].Token.Split(':')[1], student.IdentityKey);
        Assert.Equal("ana@ucsf.edu", EmailCodeStep.PendingAddress(draft!));
        var done = await bot.SubmitAsync(student, await bot.PressAsync(student, sent, "Enter code"), ("code", bot.Mailer.LastCode));
        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_CodeSent_HoldsAHashOfTheCodeNotTheCode()
    {
        var sent = await SendCodeAsync();
        var draft = await bot.Drafts.FindAsync(sent.Choices[0].Token.Split(':')[1], student.IdentityKey);

        Assert.DoesNotContain(bot.Mailer.LastCode, string.Join("|", draft!.Values.Values), StringComparison.Ordinal);
        Assert.True(draft.ExpiresAt >= bot.Time.GetUtcNow() + TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Code_SameAddressAlreadySignedFromSlack_IsRefusedNamingPlatformAndDate()
    {
        var slack = new Actor(PlatformKind.Slack, "T1", "U1", [], false, "slack:T1:U1");
        await SignVerifiedAsync(slack);
        bot.Time.Advance(TimeSpan.FromDays(2));

        var sent = await SendCodeAsync();
        var reply = await bot.SubmitAsync(student, await bot.PressAsync(student, sent, "Enter code"), ("code", bot.Mailer.LastCode));

        Assert.StartsWith("You already signed on Slack on March 10, 2026 with this school email, so nothing was added", reply.Text, StringComparison.Ordinal);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
        Assert.Equal(1, (await bot.StatsAsync()).Total);
        Assert.Equal(0, await bot.LeftoverDraftsAsync(student));
    }

    internal async Task<Reply> SendCodeAsync(Actor? actor = null, string address = "ana@ucsf.edu")
    {
        actor ??= student;
        var addressForm = await bot.PressAsync(actor, await bot.FillAsync(actor, school: "UCSF"), "Verify my school email");
        return await bot.SubmitAsync(actor, addressForm, ("email", address));
    }

    private async Task SignVerifiedAsync(Actor actor)
    {
        var sent = await SendCodeAsync(actor);
        var done = await bot.SubmitAsync(actor, await bot.PressAsync(actor, sent, "Enter code"), ("code", bot.Mailer.LastCode));
        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
    }
}
