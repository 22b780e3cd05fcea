namespace PetitionBot.Storage.LiteDb.Documents;

internal sealed class OutboxDoc
{
    public string Id { get; set; } = "";

    public string AnnouncementId { get; set; } = "";

    public int Platform { get; set; }

    /// <summary>The core's server id (<c>ServerRef.ServerId</c>), under the field name the database files already use.</summary>
    public string WorkspaceId { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public int State { get; set; }

    public int Attempts { get; set; }

    public long NextAttemptTicks { get; set; }

    /// <summary>Writing order among this process's deliveries (<see cref="DeliveryOrder"/>): breaks ties of
    /// <see cref="NextAttemptTicks"/>.</summary>
    public long Seq { get; set; }

    public string? LastError { get; set; }
}
