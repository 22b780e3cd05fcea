namespace PetitionBot.Core.Storage;

/// <summary>The result of <see cref="ISignatureStore.AddAsync"/>. <paramref name="Added"/> is false when this person had
/// already signed this campaign (then <paramref name="Signature"/> is the existing one and nothing changed).</summary>
public sealed record SignOutcome(bool Added, SignatureRecord Signature, int CampaignTotal, IReadOnlyList<Announcement> Announcements);
