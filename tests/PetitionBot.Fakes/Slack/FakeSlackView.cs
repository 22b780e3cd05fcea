using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Slack;

/// <summary>A modal opened (views.open) or updated (views.update).</summary>
public sealed record FakeSlackView(string Kind, string TeamId, string ViewId, string? UserId, JsonObject View, DateTimeOffset At);
