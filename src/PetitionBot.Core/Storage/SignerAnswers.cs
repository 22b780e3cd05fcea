using PetitionBot.Core.Model;

namespace PetitionBot.Core.Storage;

/// <summary>What a signature says about its signer: where they signed (platform and server), who they are (the full
/// name, or null for a counted-only signature), their school (as typed or picked, and its directory id), stage and role,
/// how the signature was verified and when it was made. A signature about to be saved (<see cref="NewSignature"/>) and
/// a stored one (<see cref="SignatureRecord"/>) both carry it.</summary>
public sealed record SignerAnswers(
    PlatformKind Platform,
    string ServerId,
    string? FullName,
    string School,
    string Stage,
    string Role,
    Verification Verification,
    DateTimeOffset SignedAt,
    string SchoolId = Schools.School.OtherId);
