namespace PetitionBot.Core.Email;

/// <summary>One verification-code message. <paramref name="To"/> is the normalized address; it is never logged.</summary>
public sealed record VerificationCodeMail(string To, string CampaignTitle, string Code, TimeSpan ValidFor);
