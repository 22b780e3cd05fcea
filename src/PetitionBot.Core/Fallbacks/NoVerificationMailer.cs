using PetitionBot.Core.Email;

namespace PetitionBot.Core.Fallbacks;

/// <summary>Used only when the host registers no mailer: nothing can be sent, so an email step answers "try again later"
/// and nothing is saved.</summary>
public sealed class NoVerificationMailer : IVerificationMailer
{
    public Task<MailSendResult> SendCodeAsync(VerificationCodeMail mail, CancellationToken ct = default) =>
        Task.FromResult(new MailSendResult(false, MailFailure.Unreachable));
}
