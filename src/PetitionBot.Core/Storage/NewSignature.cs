namespace PetitionBot.Core.Storage;

/// <summary>A signature about to be saved. <see cref="SignerAnswers.FullName"/> is null for a counted-only signature
/// and is then never stored anywhere. <paramref name="IdentityKey"/> is stored only as a keyed hash, and
/// <paramref name="EmailAddress"/> (a verified school address) only as a keyed hash and its domain.
/// <paramref name="DraftId"/>, when set, is the flow draft the store deletes in the same transaction as the signature
/// (when it is added).</summary>
public sealed record NewSignature(
    string CampaignId,
    string IdentityKey,
    SignerAnswers Answers,
    string? EmailAddress = null,
    string? DraftId = null);
