using System.Collections.Concurrent;
using PetitionBot.Core.Email;
using PetitionBot.Core.Ports;

namespace PetitionBot.Core.Tests.Support;

/// <summary>Keeps the code mails the core asked for (core tests; the SMTP adapter is tested against a real SMTP server).</summary>
public sealed class RecordingMailer : IVerificationMailer
{
    public ConcurrentQueue<VerificationCodeMail> Sent { get; } = new();

    /// <summary>When set, every send fails this way.</summary>
    public MailFailure Failure { get; set; }

    public string? PickupPath { get; set; }

    /// <summary>Sends are accepted for the background (<see cref="MailSendResult.Queued"/>), as with an SMTP host.</summary>
    public bool Queue { get; set; }

    /// <summary>How queued sends ended (<see cref="FailureSinceAsync"/>); None = they went.</summary>
    public MailFailure QueuedFailure { get; set; }

    public string LastCode => Sent.Last().Code;

    public Task<MailSendResult> SendCodeAsync(VerificationCodeMail mail, CancellationToken ct = default)
    {
        if (Failure != MailFailure.None)
        {
            return Task.FromResult(new MailSendResult(false, Failure));
        }

        Sent.Enqueue(mail);
        return Task.FromResult(Queue ? MailSendResult.Accepted() : MailSendResult.Ok(PickupPath));
    }

    public Task<MailFailure> FailureSinceAsync(string address, DateTimeOffset since, CancellationToken ct = default) =>
        Task.FromResult(Queue ? QueuedFailure : MailFailure.None);
}
