namespace PetitionBot.Core.Announcements;

/// <summary>What the dispatcher does with one delivery after an attempt (or instead of one).</summary>
public enum DeliveryAction
{
    /// <summary>Mark it delivered: it is never sent again.</summary>
    Delivered = 0,

    /// <summary>Try again at <see cref="DeliveryDecision.RetryAt"/>.</summary>
    Retry = 1,

    /// <summary>Give it up.</summary>
    Fail = 2,

    /// <summary>Give it up, disable the server's announcement channel (<see cref="DeliveryDecision.ChannelProblem"/>) and
    /// tell the server's admins on their next command.</summary>
    DisableChannel = 3,

    /// <summary>Give it up and delete the notification opt-in it was sent for (the user does not accept messages).</summary>
    DropSubscription = 4,
}
