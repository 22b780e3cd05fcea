namespace PetitionBot.Email;

/// <summary>The <c>Email:Smtp</c> section. With no <see cref="Host"/>, codes go to <c>Email:PickupDirectory</c> instead.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Optional: the SHA-256 fingerprint (hex) of the one server certificate to trust even though no public
    /// authority signed it (a self-signed relay or test server). Every other certificate is checked as usual.</summary>
    public string? TrustedCertificateThumbprint { get; set; }

    /// <summary>The longest one message may take: connect, TLS, send and quit.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
