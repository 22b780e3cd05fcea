namespace PetitionBot.Email;

/// <summary><c>Email:Smtp:Security</c>: how the connection to the mail server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587).</summary>
    StartTls = 0,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 1,

    /// <summary>No TLS at all (a relay on the same machine or a test server only).</summary>
    None = 2,
}
