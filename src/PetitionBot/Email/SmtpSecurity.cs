namespace PetitionBot.Email;

/// <summary><c>Email:Smtp:Security</c>: how the connection to the mail server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS; refused when the server does not offer it (default).</summary>
    StartTls = 0,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect = 1,

    /// <summary>No encryption (a relay on the same machine or network only).</summary>
    None = 2,
}
