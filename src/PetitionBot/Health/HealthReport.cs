namespace PetitionBot.Health;

/// <summary>The /healthz body.</summary>
public sealed record HealthReport(string Status, string Store, int? OutboxPending, IReadOnlyList<AdapterHealth> Adapters);
