using System.Security.Cryptography;
using PetitionBot.Core.Email;
using PetitionBot.Core.Ports;
using PetitionBot.Outbox;

namespace PetitionBot.Email;

/// <summary>Tells a signer in chat, by private message, that the code they asked for could not be sent (the mail was
/// sent in the background after they were told it was on its way), so they do not wait for a mail that will not come.
/// The message names no address, code, petition or command: it stays in the person's account. A signer who does not
/// accept private messages from the bot still learns it at their next step.</summary>
internal sealed partial class MailFailureNotice(DirectMessagePlatforms platforms, ILogger<MailFailureNotice> logger)
{
    public const string Title = "Your code was not sent";

    public async Task TellAsync(VerificationCodeMail mail, CancellationToken ct = default)
    {
        if (mail.Signer is not { } signer || platforms.Find(signer.Platform) is not { } direct)
        {
            return;
        }

        // Neutral words: a private message stays in the person's account, so it names no petition, command or address.
        const string text = "The 6-digit code you asked for could not be sent: the mail server is not answering, and nothing was saved. " +
                            "Please try again later (\"Resend code\", or the same command again).";
        try
        {
            var outcome = await direct.SendDirectAsync(signer, new OutboundMessage("mf" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), Title, text), ct);
            LogTold(logger, signer.Platform, outcome.Status);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogNotTold(logger, signer.Platform, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "A private message telling a signer their code was not sent: {Status} ({Platform}).")]
    private static partial void LogTold(ILogger logger, Core.Model.PlatformKind platform, PostStatus status);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "A signer could not be told by private message that their code was not sent ({Platform}: {Error}).")]
    private static partial void LogNotTold(ILogger logger, Core.Model.PlatformKind platform, string error);
}
