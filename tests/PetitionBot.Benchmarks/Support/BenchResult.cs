namespace PetitionBot.Benchmarks.Support;

/// <summary>One line of the results table. <see cref="Ratio"/> is measured against a baseline in the same run.</summary>
public sealed record BenchResult(string Scenario, string Metric, double Value, string Unit, string Target, bool? Met, string? Note = null);
