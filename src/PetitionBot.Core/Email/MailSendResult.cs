namespace PetitionBot.Core.Email;

/// <summary>The outcome of <see cref="Ports.IVerificationMailer.SendCodeAsync"/>. <paramref name="PickupPath"/> is the
/// <c>.eml</c> file written when no SMTP host is configured (the console shows it).</summary>
public sealed record MailSendResult(bool Sent, MailFailure Failure = MailFailure.None, string? PickupPath = null)
{
    public static MailSendResult Ok(string? pickupPath = null) => new(true, MailFailure.None, pickupPath);
}
