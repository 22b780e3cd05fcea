namespace PetitionBot.Core.Storage;

public enum AnnouncementKind
{
    CampaignMilestone = 0,
    SchoolMilestone = 1,
    ChapterUpdate = 2,
}
