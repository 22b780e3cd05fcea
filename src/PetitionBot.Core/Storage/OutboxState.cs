namespace PetitionBot.Core.Storage;

public enum OutboxState
{
    Pending = 0,
    Delivered = 1,

    /// <summary>Given up (channel gone or forbidden, message rejected, too many attempts).</summary>
    Failed = 2,
}
