namespace PetitionBot.Discord.Api;

/// <summary>Discord's JSON error body; only the numeric <see cref="Code"/> is read (the message is not logged).</summary>
internal sealed record ErrorPayload(int? Code);
