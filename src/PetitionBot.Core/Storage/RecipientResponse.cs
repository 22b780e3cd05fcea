namespace PetitionBot.Core.Storage;

/// <summary>What one of the campaign's recipients answered, as recorded by an organizer with /respond.
/// Exactly one of <see cref="Text"/> and <see cref="Link"/> is set.</summary>
public sealed record RecipientResponse(
    string Id,
    string CampaignId,
    string Recipient,
    DateOnly RespondedOn,
    string? Text,
    string? Link,
    DateTimeOffset RecordedAt);
