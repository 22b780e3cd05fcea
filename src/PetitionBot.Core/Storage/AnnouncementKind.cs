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

    /// <summary>A private message to the signers who opted in (delivered or a recipient responded): one outbox item per
    /// subscription, addressed with <see cref="Ports.DirectTarget"/>.</summary>
    SignerNotice = 5,

    /// <summary>The organizers marked the petition delivered (/delivered): announced to every announcement channel.</summary>
    PetitionDelivered = 6,
}
