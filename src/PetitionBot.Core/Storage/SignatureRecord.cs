using PetitionBot.Core.Model;

namespace PetitionBot.Core.Storage;

/// <summary>A stored signature. <see cref="FullName"/> is null for counted-only signers. <see cref="EmailDomain"/> is the
/// domain of the verified address (the address itself is never returned).</summary>
public sealed record SignatureRecord(string Id, string CampaignId, SignerAnswers Answers, string? EmailDomain = null)
{
    public PlatformKind Platform => Answers.Platform;

    public string ServerId => Answers.ServerId;

    public string? FullName => Answers.FullName;

    public string School => Answers.School;

    public string Stage => Answers.Stage;

    public string Role => Answers.Role;

    public Verification Verification => Answers.Verification;

    public DateTimeOffset SignedAt => Answers.SignedAt;

    public string SchoolId => Answers.SchoolId;

    public bool IsNamed => FullName is not null;
}
