using PetitionBot.Core.Ports;

namespace PetitionBot.Core.Email;

/// <summary>One verification-code message. <paramref name="To"/> is the normalized address; it is never logged.
/// <paramref name="Purpose"/> is what the code is for (the message says it). <paramref name="Signer"/> is who asked, in
/// chat: told by private message when a mail sent in the background could not be sent (null on the console, which
/// waits for the mail).</summary>
public sealed record VerificationCodeMail(string To, string CampaignTitle, string Code, TimeSpan ValidFor,
    VerificationPurpose Purpose = VerificationPurpose.Sign, DirectRecipient? Signer = null);
