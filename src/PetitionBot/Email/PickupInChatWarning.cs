using PetitionBot.Hosting;

namespace PetitionBot.Email;

/// <summary>The warning for a bot that verifies by school email in Discord or Slack with no mail server: the codes go to
/// the pickup folder, which the signers in chat cannot read. Printed at start and by <c>check-config</c>; the bot still
/// starts (a test deployment may want exactly this).</summary>
internal static class PickupInChatWarning
{
    public static string? For(IConfiguration configuration)
    {
        var email = configuration.GetSection(EmailOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(email["Smtp:Host"]) || !PlatformSettings.From(configuration).Any)
        {
            return null;
        }

        var verifying = configuration.GetSection("Campaigns").GetChildren()
            .Where(c => (c["Verification"] ?? "").Trim().ToLowerInvariant() is "email" or "email-required")
            .Select(c => string.IsNullOrWhiteSpace(c["Id"]) ? c.Key : c["Id"]!.Trim())
            .ToList();
        if (verifying.Count == 0)
        {
            return null;
        }

        var folder = string.IsNullOrWhiteSpace(email["PickupDirectory"]) ? new EmailOptions().PickupDirectory : email["PickupDirectory"];
        return $"Email verification is on in chat (campaigns: {string.Join(", ", verifying)}), but Email:Smtp:Host is not set: codes are " +
               $"written to Email:PickupDirectory ({folder}), which signers in Discord or Slack cannot read, and they are told a code " +
               "was sent. Set Email:Smtp:Host (see README, \"Email verification\") before inviting signers.";
    }
}
