namespace PetitionBot.Email;

/// <summary><c>Email:Smtp:*</c>. With no <see cref="Host"/>, codes are written to <c>Email:PickupDirectory</c> instead.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>SHA-256 (or SHA-1) thumbprint, hex, of a certificate to trust although no public CA signed it
    /// (a self-hosted relay). Every other certificate is validated as usual.</summary>
    public string? TrustedCertificateThumbprint { get; set; }

    /// <summary>Connect + send time limit.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
