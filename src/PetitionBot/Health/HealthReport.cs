namespace PetitionBot.Health;

/// <summary>The /healthz body. <see cref="Roles"/>: the exclusive roles this process holds (e.g. "discord-gateway";
/// empty on a standby process sharing a PostgreSQL store).</summary>
public sealed record HealthReport(string Status, string Store, int? OutboxPending, IReadOnlyList<AdapterHealth> Adapters, IReadOnlyCollection<string>? Roles = null);
