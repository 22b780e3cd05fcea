using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Announcements;

/// <summary>A milestone one signature crossed. <paramref name="UniqueKey"/> is the announcement's key in the store: a
/// milestone is announced once ever, however many signers cross it at once.</summary>
public sealed record CrossedMilestone(AnnouncementKind Kind, int Milestone, string? SchoolKey, string UniqueKey);
