namespace PetitionBot.Slack.Api;

/// <summary>The answer to <c>url_verification</c>: the challenge echoed.</summary>
internal sealed record UrlVerificationResponse(string? Challenge);
