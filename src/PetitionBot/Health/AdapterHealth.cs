namespace PetitionBot.Health;

public sealed record AdapterHealth(string Name, string State, string? Reason, DateTimeOffset Since);
