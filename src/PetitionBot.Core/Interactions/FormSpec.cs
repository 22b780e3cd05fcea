namespace PetitionBot.Core.Interactions;

/// <summary>A form the adapter shows as a Discord modal or a Slack modal view. Title ≤ 45 characters, 1–5 fields.
/// The submission comes back as a <see cref="FormInput"/> carrying <paramref name="Token"/>.</summary>
public sealed record FormSpec(string Token, string Title, IReadOnlyList<FormField> Fields, string SubmitLabel = "Continue");
