namespace PetitionBot.Core.Ports;

/// <summary>A snapshot of one adapter's health. <paramref name="Reason"/> never holds secrets or personal data.</summary>
public sealed record AdapterStatus(string Name, AdapterState State, string? Reason, DateTimeOffset Since);
