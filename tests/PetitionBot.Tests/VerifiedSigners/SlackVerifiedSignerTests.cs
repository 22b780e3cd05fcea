using PetitionBot.Core.Storage;
using PetitionBot.Fakes.Discord;
using PetitionBot.Tests.Discord;
using PetitionBot.Tests.Support;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.VerifiedSigners;

/// <summary>Issue 14's scenarios on the fake Slack (<see cref="VerifiedSignerTests"/> runs them on the fake Discord):
/// the signer starts on Slack, the code goes by the pickup folder or a real SMTP server in-process.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class SlackVerifiedSignerTests
{
    private const string Ben = "U0BEN";
    private const string BenOnDiscord = "600000000000000701";
    private const string Address = "ben.okafor@" + VerifiedSignerRig.Domain;
    private static readonly string Key = $"slack:{VerifiedSignerRig.Team}:{Ben}";

    [Fact]
    public async Task Sign_VerifiedOnSlack_SameAddressFromDiscordIsRefused()
    {
        await using var rig = await VerifiedSignerRig.StartAsync(slackUsers: Ben);
        var sent = await SendCodeAsync(rig, Address);
        Assert.Contains("We sent a 6-digit code to " + Address, sent.Text, StringComparison.Ordinal);
        var (_, done) = await EnterCodeAsync(rig, sent, rig.CodeFor(Address));
        Assert.Contains($"Verified by school email ({VerifiedSignerRig.Domain})", done!.Text, StringComparison.Ordinal);
        Assert.Equal((Verification.SchoolEmail, VerifiedSignerRig.Domain), ((await rig.Signatures.FindAsync("test", Key))!.Verification, (await rig.Signatures.FindAsync("test", Key))!.EmailDomain));

        var discordSent = await rig.DiscordSendCodeAsync(BenOnDiscord, await rig.DiscordPreviewAsync(BenOnDiscord), Address);
        var refused = await rig.DiscordEnterCodeAsync(BenOnDiscord, discordSent, rig.CodeFor(Address));

        Assert.Contains("You already signed on Slack on", Text(refused["data"]), StringComparison.Ordinal);
        Assert.Null(await rig.Signatures.FindAsync("test", "discord:" + BenOnDiscord));
        Assert.Equal(1, (await rig.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
    }

    [Fact]
    public async Task Sign_WrongDomainOnSlack_RefusedNamingTheDomainsAndNoMail()
    {
        await using var rig = await VerifiedSignerRig.StartAsync(slackUsers: Ben);
        var addressView = await rig.SlackOpenAsync(Ben, await rig.SlackPreviewAsync(Ben), "verify", "sgf:");

        var (ack, message) = await rig.SlackSubmitAsync(Ben, addressView, "email", "ben@gmail.com");

        var said = ack.ResponseAction == "errors" ? ack.Payload!["errors"]!["email"]!.GetValue<string>() : message!.Text;
        Assert.Contains("That address is not at a domain we accept for", said, StringComparison.Ordinal);
        Assert.Contains("@" + VerifiedSignerRig.Domain, said, StringComparison.Ordinal);
        Assert.False(Directory.Exists(rig.MailDirectory) && Directory.GetFiles(rig.MailDirectory).Length > 0);
        Assert.Null(await rig.Signatures.FindAsync("test", Key));
    }

    [Fact]
    public async Task Sign_CodeEnteredAfterTenMinutesOnSlack_ExpiredAndResendWorks()
    {
        // Slack's pacing runs on the host's clock: a frozen fake clock would hold the second message in a channel for good.
        var time = new ShiftedTimeProvider();
        await using var rig = await VerifiedSignerRig.StartAsync(null, time, Ben);
        var sent = await SendCodeAsync(rig, Address);
        var first = rig.CodeFor(Address);
        time.Shift(TimeSpan.FromMinutes(10));

        var (_, expired) = await EnterCodeAsync(rig, sent, first);

        Assert.Equal("That code has expired; press \"Resend code\" for a new one.", expired!.Text);
        Assert.Null(await rig.Signatures.FindAsync("test", Key));
        var resent = await rig.SlackPressAsync(Ben, expired, "resend", m => m.Text.Contains("We sent a 6-digit code", StringComparison.Ordinal));
        var (_, done) = await EnterCodeAsync(rig, resent, rig.CodeFor(Address));
        Assert.Contains("Signed — you are the first to sign", done!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_MailServerRefuses5xxOnSlack_TryLaterAndNothingSaved()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync(refuse: true);
        await using var rig = await VerifiedSignerRig.StartAsync(VerifiedSignerRig.Smtp(smtp.Port), Ben);

        var sent = await SendCodeAsync(rig, Address);
        Assert.Contains("We are sending a 6-digit code to " + Address, sent.Text, StringComparison.Ordinal);
        await rig.WaitForMailFailureAsync(Address);
        await WaitForPrivateMessageAsync(rig);
        var reply = await rig.SlackPressAsync(Ben, sent, "resend", m => !VerifiedSignerRig.IsMailFailureNotice(m));

        Assert.Contains("mail server is not answering; nothing was saved, please try again later", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, smtp.Refused);
        Assert.Null(SlackHostButton(reply, "code"));
        Assert.Null(await rig.Signatures.FindAsync("test", Key));
    }

    [Fact]
    public async Task Sign_MailServerUnreachableOnSlack_EnterCodeSaysTryLater()
    {
        await using var rig = await VerifiedSignerRig.StartAsync(VerifiedSignerRig.Smtp(InProcessSmtpServer.FreePort()), Ben);

        var sent = await SendCodeAsync(rig, Address);
        await rig.WaitForMailFailureAsync(Address);

        // Told at once by private message, without waiting for the next step; the message names no address.
        var dm = await WaitForPrivateMessageAsync(rig);
        Assert.Equal(Fakes.Slack.FakeSlackServer.DmChannel(Ben), dm.ChannelId);
        Assert.Contains("could not be sent: the mail server is not answering", dm.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("ben.okafor", dm.AllText, StringComparison.OrdinalIgnoreCase);
        var views = rig.Slack.Views.Count;
        var reply = await rig.SlackPressAsync(Ben, sent, "code", m => !VerifiedSignerRig.IsMailFailureNotice(m));

        Assert.Contains("mail server is not answering; nothing was saved, please try again later", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Slack.Views.Skip(views), v => v.View["callback_id"]?.GetValue<string>()?.StartsWith("sgf:", StringComparison.Ordinal) == true);
        Assert.Null(await rig.Signatures.FindAsync("test", Key));
    }

    private static async Task<Fakes.Slack.FakeSlackMessage> WaitForPrivateMessageAsync(VerifiedSignerRig rig)
    {
        // Replies can come by DM too; the notice is the one titled so.
        await Fakes.Slack.FakeSlackServer.WaitUntilAsync(
            () => rig.Slack.DirectMessages(VerifiedSignerRig.Team, Ben).Any(VerifiedSignerRig.IsMailFailureNotice), DiscordFlow.Timeout);
        return rig.Slack.DirectMessages(VerifiedSignerRig.Team, Ben).Single(VerifiedSignerRig.IsMailFailureNotice);
    }

    private static async Task<Fakes.Slack.FakeSlackMessage> SendCodeAsync(VerifiedSignerRig rig, string address)
    {
        var addressView = await rig.SlackOpenAsync(Ben, await rig.SlackPreviewAsync(Ben), "verify", "sgf:");
        var (_, sent) = await rig.SlackSubmitAsync(Ben, addressView, "email", address);
        return sent!;
    }

    private static async Task<(Fakes.Slack.FakeSlackAck Ack, Fakes.Slack.FakeSlackMessage? Message)> EnterCodeAsync(
        VerifiedSignerRig rig, Fakes.Slack.FakeSlackMessage sent, string code)
    {
        var codeView = await rig.SlackOpenAsync(Ben, sent, "code", "sgf:");
        return await rig.SlackSubmitAsync(Ben, codeView, "code", code);
    }

    private static string? SlackHostButton(Fakes.Slack.FakeSlackMessage message, string action) => Slack.SlackHost.ButtonToken(message, action);
}
