namespace PetitionBot.Email;

/// <summary>The <c>Email</c> section: how verification codes are sent.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender, e.g. <c>"PetitionBot &lt;petition@example.org&gt;"</c>.</summary>
    public string From { get; set; } = "PetitionBot <petitionbot@localhost>";

    /// <summary>With no SMTP host, each message is written here as an <c>.eml</c> file (owner-only).</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}
