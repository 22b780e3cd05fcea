namespace PetitionBot.Core.Email;

/// <summary>The outcome of <see cref="Ports.IVerificationMailer.SendCodeAsync"/>. <paramref name="PickupPath"/> is the
/// <c>.eml</c> file written when no SMTP host is configured (the console shows it). <see cref="Queued"/>: accepted and
/// sent in the background, off the interaction path; how it ended comes from
/// <see cref="Ports.IVerificationMailer.FailureSinceAsync"/>.</summary>
public sealed record MailSendResult(bool Sent, MailFailure Failure = MailFailure.None, string? PickupPath = null)
{
    public bool Queued { get; init; }

    public static MailSendResult Ok(string? pickupPath = null) => new(true, MailFailure.None, pickupPath);

    public static MailSendResult Accepted() => new(true) { Queued = true };
}
