using PetitionBot.Fakes.Discord;
using PetitionBot.Core.Storage;
using PetitionBot.Tests.Discord;
using PetitionBot.Tests.Slack;
using PetitionBot.Tests.Support;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.VerifiedSigners;

/// <summary>Issue 14 end to end: the real host with both adapters against the fake Discord and the fake Slack, codes
/// read from the mail the bot wrote.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class VerifiedSignerTests
{
    private const string Ana = "600000000000000501";
    private const string Address = "ana.lopez@" + VerifiedSignerRig.Domain;

    [Fact]
    public async Task Sign_VerifiedOnDiscord_SameAddressFromSlackIsRefused()
    {
        await using var rig = await VerifiedSignerRig.StartAsync(slackUsers: "U0ANA");

        var preview = await rig.DiscordPreviewAsync(Ana);
        Assert.Contains("Verify my school email", Buttons(preview["data"]).Select(b => b["label"]!.GetValue<string>()));
        var sent = await rig.DiscordSendCodeAsync(Ana, preview, "  Ana.Lopez@" + VerifiedSignerRig.Domain.ToUpperInvariant());
        Assert.Contains("We sent a 6-digit code to " + Address, Text(sent["data"]), StringComparison.Ordinal);
        Assert.DoesNotContain(".eml", Text(sent["data"]), StringComparison.Ordinal);
        var done = await rig.DiscordEnterCodeAsync(Ana, sent, rig.CodeFor(Address));

        Assert.Contains("Signed — you are the first to sign", Text(done["data"]), StringComparison.Ordinal);
        Assert.Contains($"Verified by school email ({VerifiedSignerRig.Domain})", Text(done["data"]), StringComparison.Ordinal);
        var stored = await rig.Signatures.FindAsync("test", "discord:" + Ana);
        Assert.Equal((Verification.SchoolEmail, VerifiedSignerRig.Domain), (stored!.Verification, stored.EmailDomain));

        // The same person on Slack: the address proven again, and refused.
        var slackPreview = await rig.SlackPreviewAsync("U0ANA");
        var addressView = await rig.SlackOpenAsync("U0ANA", slackPreview, "verify", "sgf:");
        var (_, slackSent) = await rig.SlackSubmitAsync("U0ANA", addressView, "email", Address);
        Assert.Contains("We sent a 6-digit code", slackSent!.Text, StringComparison.Ordinal);
        var codeView = await rig.SlackOpenAsync("U0ANA", slackSent, "code", "sgf:");
        var (ack, refused) = await rig.SlackSubmitAsync("U0ANA", codeView, "code", rig.CodeFor(Address));

        Assert.NotEqual("errors", ack.ResponseAction);
        Assert.Contains("You already signed on Discord on", refused!.Text, StringComparison.Ordinal);
        Assert.Null(await rig.Signatures.FindAsync("test", $"slack:{VerifiedSignerRig.Team}:U0ANA"));
        Assert.Equal(1, (await rig.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
        Assert.DoesNotContain(rig.Discord.Requests, r => r.Status >= 400);
        AssertBodiesMatchOpenApi(rig.Discord);
    }

    [Fact]
    public async Task Sign_WrongDomainOnDiscord_RefusedNamingTheDomainsAndNoMail()
    {
        await using var rig = await VerifiedSignerRig.StartAsync();

        var reply = await rig.DiscordSendCodeAsync(Ana, await rig.DiscordPreviewAsync(Ana), "ana@gmail.com");

        var text = Text(reply["data"]);
        Assert.Contains("That address is not at a domain we accept for", text, StringComparison.Ordinal);
        Assert.Contains("@" + VerifiedSignerRig.Domain, text, StringComparison.Ordinal);
        Assert.Contains("Type it again", Buttons(reply["data"]).Select(b => b["label"]!.GetValue<string>()));
        Assert.False(Directory.Exists(rig.MailDirectory) && Directory.GetFiles(rig.MailDirectory).Length > 0);
        Assert.Null(await rig.Signatures.FindAsync("test", "discord:" + Ana));
    }

    [Fact]
    public async Task Sign_WrongCodeFiveTimesOnSlack_ErrorsInTheModalThenTheAttemptEnds()
    {
        await using var rig = await VerifiedSignerRig.StartAsync(slackUsers: "U0BEN");
        var preview = await rig.SlackPreviewAsync("U0BEN");
        var addressView = await rig.SlackOpenAsync("U0BEN", preview, "verify", "sgf:");
        var (_, sent) = await rig.SlackSubmitAsync("U0BEN", addressView, "email", "ben@" + VerifiedSignerRig.Domain);
        var codeView = await rig.SlackOpenAsync("U0BEN", sent!, "code", "sgf:");
        var wrong = rig.CodeFor("ben@" + VerifiedSignerRig.Domain) == "000000" ? "111111" : "000000";

        for (var left = 4; left >= 1; left--)
        {
            var (ack, _) = await rig.SlackSubmitAsync("U0BEN", codeView, "code", wrong);
            Assert.Equal("errors", ack.ResponseAction);
            Assert.Contains($"you have {left} tr", ack.Payload!["errors"]!["code"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var (last, ended) = await rig.SlackSubmitAsync("U0BEN", codeView, "code", wrong);

        Assert.NotEqual("errors", last.ResponseAction);
        Assert.Contains("attempt has ended and nothing was saved", ended!.Text, StringComparison.Ordinal);
        var (_, expired) = await rig.SlackSubmitAsync("U0BEN", codeView, "code", rig.CodeFor("ben@" + VerifiedSignerRig.Domain));
        Assert.Contains("expired", expired!.Text, StringComparison.Ordinal);
        Assert.Equal(0, (await rig.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
    }

    [Fact]
    public async Task Sign_WrongCodeFiveTimesOnDiscord_TriesCountedDownThenTheAttemptEnds()
    {
        await using var rig = await VerifiedSignerRig.StartAsync();
        var sent = await rig.DiscordSendCodeAsync(Ana, await rig.DiscordPreviewAsync(Ana), Address);
        var right = rig.CodeFor(Address);
        var wrong = right == "000000" ? "111111" : "000000";

        for (var left = 4; left >= 1; left--)
        {
            var reply = await rig.DiscordEnterCodeAsync(Ana, sent, wrong);
            Assert.Equal($"That code is not right; you have {left} {(left == 1 ? "try" : "tries")} left.", Text(reply["data"]));
        }

        var ended = await rig.DiscordEnterCodeAsync(Ana, sent, wrong);

        Assert.Contains("attempt has ended and nothing was saved", Text(ended["data"]), StringComparison.Ordinal);
        var late = await rig.Press(Ana, sent, "code");
        Assert.NotEqual(9, late["type"]!.GetValue<int>());
        Assert.Equal(0, (await rig.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
    }

    [Fact]
    public async Task Sign_MailServerUnreachable_TryLaterAndNothingSaved()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more
        await using var rig = await VerifiedSignerRig.StartAsync(VerifiedSignerRig.Smtp(port));

        var sent = await rig.DiscordSendCodeAsync(Ana, await rig.DiscordPreviewAsync(Ana), Address);
        Assert.Contains("We are sending a 6-digit code to " + Address, Text(sent["data"]), StringComparison.Ordinal);
        await rig.WaitForMailFailureAsync(Address);

        // Told at once by private message, without waiting for the next step; the message names no address.
        await FakeDiscordServer.WaitUntilAsync(() => rig.Discord.DirectMessagesTo(Ana) == 1, "the private message", DiscordFlow.Timeout);
        var dm = rig.Discord.Requests.Single(r => r.Method == "POST" && r.Path == $"channels/{rig.Discord.DirectMessageChannel(Ana)}/messages");
        Assert.Contains("could not be sent: the mail server is not answering", dm.Body, StringComparison.Ordinal);
        Assert.Contains("Resend code", dm.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("ana.lopez", dm.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sign", dm.Body, StringComparison.OrdinalIgnoreCase); // it stays in her account: no petition named
        Assert.DoesNotContain("petition", dm.Body, StringComparison.OrdinalIgnoreCase);
        var resent = await rig.Press(Ana, sent, "resend");

        Assert.Contains("mail server is not answering; nothing was saved, please try again later", Text(resent["data"]), StringComparison.Ordinal);
        Assert.DoesNotContain("Enter code", Buttons(resent["data"]).Select(b => b["label"]!.GetValue<string>()));
        Assert.Null(await rig.Signatures.FindAsync("test", "discord:" + Ana));
    }

    [Fact]
    public async Task Sign_MailServerRefuses5xx_TryLaterAndNothingSaved()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync(refuse: true);
        await using var rig = await VerifiedSignerRig.StartAsync(VerifiedSignerRig.Smtp(smtp.Port));

        var sent = await rig.DiscordSendCodeAsync(Ana, await rig.DiscordPreviewAsync(Ana), Address);
        await rig.WaitForMailFailureAsync(Address);
        var reply = await rig.Press(Ana, sent, "code");

        Assert.Contains("mail server is not answering; nothing was saved, please try again later", Text(reply["data"]), StringComparison.Ordinal);
        Assert.Equal(1, smtp.Refused);
        Assert.DoesNotContain("Enter code", Buttons(reply["data"]).Select(b => b["label"]!.GetValue<string>()));
        Assert.Null(await rig.Signatures.FindAsync("test", "discord:" + Ana));
    }

    /// <summary>Issue 14: the mail is sent off the interaction path. A mail server that accepts the connection and never
    /// answers holds the SMTP conversation for its whole time-out; the signer's answer does not wait for it.</summary>
    [Fact]
    public async Task Sign_MailServerSilent_AnswerComesAtOnceAndEnterCodeSaysTryLater()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start(); // accepts (the kernel's backlog) and never greets
        var settings = VerifiedSignerRig.Smtp(((System.Net.IPEndPoint)silent.LocalEndpoint).Port);
        settings["Email:Smtp:Timeout"] = "00:00:03";
        await using var rig = await VerifiedSignerRig.StartAsync(settings);
        var preview = await rig.DiscordPreviewAsync(Ana);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sent = await rig.DiscordSendCodeAsync(Ana, preview, Address);
        var answeredIn = clock.Elapsed;

        Assert.True(answeredIn < TimeSpan.FromSeconds(2), $"the answer waited {answeredIn.TotalMilliseconds:0} ms for the mail server");
        Assert.Contains("We are sending a 6-digit code to " + Address, Text(sent["data"]), StringComparison.Ordinal);
        await rig.WaitForMailFailureAsync(Address);
        var reply = await rig.Press(Ana, sent, "code");
        Assert.Contains("mail server is not answering; nothing was saved, please try again later", Text(reply["data"]), StringComparison.Ordinal);
        Assert.Null(await rig.Signatures.FindAsync("test", "discord:" + Ana));
    }

    [Fact]
    public async Task Sign_CodeOverSmtp_SentInTheBackgroundAndSigns()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var rig = await VerifiedSignerRig.StartAsync(VerifiedSignerRig.Smtp(smtp.Port));

        var sent = await rig.DiscordSendCodeAsync(Ana, await rig.DiscordPreviewAsync(Ana), Address);
        Assert.Contains("We are sending a 6-digit code to " + Address, Text(sent["data"]), StringComparison.Ordinal);
        var mail = Assert.Single(await smtp.WaitForAsync(1));
        var done = await rig.DiscordEnterCodeAsync(Ana, sent, System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"(?<![0-9])[0-9]{6}(?![0-9])").Value);

        Assert.Contains($"Verified by school email ({VerifiedSignerRig.Domain})", Text(done["data"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_CodeEnteredAfterTenMinutes_ExpiredAndResendWorks()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await VerifiedSignerRig.StartAsync(null, time);
        var sent = await rig.DiscordSendCodeAsync(Ana, await rig.DiscordPreviewAsync(Ana), Address);
        var first = rig.CodeFor(Address);
        time.Advance(TimeSpan.FromMinutes(10));

        var expired = await rig.DiscordEnterCodeAsync(Ana, sent, first);

        Assert.Equal("That code has expired; press \"Resend code\" for a new one.", Text(expired["data"]));
        Assert.Null(await rig.Signatures.FindAsync("test", "discord:" + Ana));
        var resent = await rig.Press(Ana, expired, "resend");
        Assert.Contains("We sent a 6-digit code", Text(resent["data"]), StringComparison.Ordinal);
        var done = await rig.DiscordEnterCodeAsync(Ana, resent, rig.CodeFor(Address));
        Assert.Contains("Signed — you are the first to sign", Text(done["data"]), StringComparison.Ordinal);
    }
}
