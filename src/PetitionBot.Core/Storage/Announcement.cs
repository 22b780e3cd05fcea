namespace PetitionBot.Core.Storage;

/// <summary>Something to post to one or more channels. Milestone announcements are created by the store in the same
/// transaction as the signature that crossed the milestone, with their words (see
/// <see cref="Announcements.MilestoneAnnouncements"/>), so every channel gets the same text. One stored with
/// <see cref="Text"/> null (an earlier version) is composed once by the dispatcher and saved.</summary>
public sealed record Announcement(
    string Id,
    string CampaignId,
    AnnouncementKind Kind,
    int? Milestone,
    string? SchoolKey,
    string? Title,
    string? Text,
    DateTimeOffset CreatedAt)
{
    /// <summary>What <see cref="Text"/> becomes once the retention period (<c>Privacy:UpdateTextRetentionDays</c>) has
    /// passed and every delivery is done; <see cref="Title"/> becomes null.</summary>
    public const string RemovedText = "(text removed after the retention period)";
}
