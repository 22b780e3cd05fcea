namespace PetitionBot.Discord.Gateway;

/// <summary>How one connection ended and what the next one should do; <paramref name="Delay"/> overrides the backoff.</summary>
internal sealed record SessionOutcome(SessionNext Next, string Reason, TimeSpan? Delay = null);
