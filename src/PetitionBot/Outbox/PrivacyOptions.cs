namespace PetitionBot.Outbox;

/// <summary>The <c>Privacy</c> section: how long free text typed into announcements is kept.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Days after which the title and text of an announcement (a chapter update, a recorded response, a
    /// milestone post) are blanked, once every delivery is done. 30 by default: the posted message stays in the
    /// channels, so the bot's copy is needed only for delivery and its retries (hours) and for an organizer to look into
    /// a reported update; a leader's free text should not outlive that.</summary>
    public int UpdateTextRetentionDays { get; set; } = 30;
}
