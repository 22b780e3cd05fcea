namespace PetitionBot.Core.Announcements;

/// <summary>The delivery policy's answer for one delivery: <paramref name="Reason"/> is what the store records as its
/// last error (null when delivered).</summary>
public sealed record DeliveryDecision(DeliveryAction Action, string? Reason = null, DateTimeOffset? RetryAt = null, string? ChannelProblem = null)
{
    public static DeliveryDecision Delivered { get; } = new(DeliveryAction.Delivered);
}
