namespace PetitionBot.Email;

/// <summary>The <c>Email</c> section: how verification codes leave the bot.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The sender address (required with an SMTP host).</summary>
    public string? From { get; set; }

    /// <summary>With no SMTP host, each message is written here as an <c>.eml</c> file readable only by this user.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}
