using PetitionBot.Core.Email;

namespace PetitionBot.Core.Ports;

/// <summary>Sends verification codes (SMTP via MailKit, or an <c>.eml</c> file in <c>Email:PickupDirectory</c>).
/// Never throws for a mail failure: the result says what happened.</summary>
public interface IVerificationMailer
{
    Task<MailSendResult> SendCodeAsync(VerificationCodeMail mail, CancellationToken ct = default);
}
