namespace PetitionBot.Core.Flows;

/// <summary>What a <see cref="SignTokens"/> token carries, after its MAC was checked.</summary>
public readonly record struct SignTokenState(string DraftId, string CampaignId, string Role, string Action, DateTimeOffset ExpiresAt);
