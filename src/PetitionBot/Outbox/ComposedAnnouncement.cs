using PetitionBot.Core.Interactions;

namespace PetitionBot.Outbox;

/// <summary>An announcement's final words, ready to post.</summary>
public sealed record ComposedAnnouncement(string? Title, string Text, Progress? Progress);
