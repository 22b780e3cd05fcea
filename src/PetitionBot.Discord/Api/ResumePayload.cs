using System.Text.Json.Serialization;

namespace PetitionBot.Discord.Api;

/// <summary>op 6 Resume data; <see cref="Seq"/> is written even when null.</summary>
internal sealed record ResumePayload(string Token, string? SessionId, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Seq)
{
    /// <summary>Never prints the bot token.</summary>
    public override string ToString() => $"ResumePayload {{ Seq = {Seq} }}";
}
