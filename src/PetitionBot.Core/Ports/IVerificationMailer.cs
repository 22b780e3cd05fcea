using PetitionBot.Core.Email;

namespace PetitionBot.Core.Ports;

/// <summary>Sends verification codes (SMTP via MailKit, or an <c>.eml</c> file in <c>Email:PickupDirectory</c>).
/// Never throws for a mail failure: the result says what happened.</summary>
public interface IVerificationMailer
{
    Task<MailSendResult> SendCodeAsync(VerificationCodeMail mail, CancellationToken ct = default);

    /// <summary>For a send accepted with <see cref="MailSendResult.Queued"/>: why the latest mail to <paramref name="address"/>
    /// asked for at or after <paramref name="since"/> could not be sent; <see cref="MailFailure.None"/> while it is on its
    /// way, once it went, or when this process does not know.</summary>
    Task<MailFailure> FailureSinceAsync(string address, DateTimeOffset since, CancellationToken ct = default) => Task.FromResult(MailFailure.None);
}
