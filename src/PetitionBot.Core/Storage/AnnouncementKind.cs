namespace PetitionBot.Core.Storage;

public enum AnnouncementKind
{
    CampaignMilestone = 0,
    SchoolMilestone = 1,
    ChapterUpdate = 2,

    /// <summary>A private notice to the organizers' alert channel (signing spikes).</summary>
    OrganizerAlert = 3,

    /// <summary>A recipient's response, recorded by an organizer with /respond (text composed when recorded).</summary>
    RecipientResponse = 4,
}
