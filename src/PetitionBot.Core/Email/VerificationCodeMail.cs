namespace PetitionBot.Core.Email;

/// <summary>One verification-code message. <paramref name="To"/> is the normalized address; it is never logged.
/// <paramref name="Purpose"/> is what the code is for (the message says it).</summary>
public sealed record VerificationCodeMail(string To, string CampaignTitle, string Code, TimeSpan ValidFor,
    VerificationPurpose Purpose = VerificationPurpose.Sign);
