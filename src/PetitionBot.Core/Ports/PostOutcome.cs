namespace PetitionBot.Core.Ports;

/// <summary>The result of <see cref="IChatPlatform.PostAsync"/>. <paramref name="Detail"/> is a platform error code, never user text.</summary>
public sealed record PostOutcome(PostStatus Status, TimeSpan? RetryAfter = null, string? Detail = null)
{
    public static PostOutcome Delivered { get; } = new(PostStatus.Delivered);
}
