using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PetitionBot.Benchmarks.Support;

/// <summary>Acks by the step of the flow they answered, to see where a flow's tail comes from (one step, or all of them).</summary>
internal sealed class StepAcks
{
    private readonly ConcurrentDictionary<string, List<double>> _steps = new(StringComparer.Ordinal);

    /// <summary>A slash command by its name ("/sign"); a button by the last part of its custom id ("r0", "sother");
    /// a form by "form " and the last part ("form code").</summary>
    public static string StepOf(JsonObject interaction)
    {
        var data = interaction["data"];
        if (data?["custom_id"]?.GetValue<string>() is not { } customId)
        {
            return "/" + (data?["name"]?.GetValue<string>() ?? "?");
        }

        var last = customId[(customId.LastIndexOf(':') + 1)..];
        return customId.StartsWith("sgf:", StringComparison.Ordinal) ? "form " + last : last;
    }

    public void Add(JsonObject interaction, double ms)
    {
        var acks = _steps.GetOrAdd(StepOf(interaction), _ => []);
        lock (acks)
        {
            acks.Add(ms);
        }
    }

    /// <summary>Each step's p99 over its acks, slowest first: "form code 8.5 (2000), …".</summary>
    public string Summary() => string.Join(", ", _steps
        .Select(step => (step.Key, Sorted: step.Value.Order().ToList()))
        .Select(step => (step.Key, P99: Stopwatches.Percentile(step.Sorted, 99), step.Sorted.Count))
        .OrderByDescending(step => step.P99)
        .Select(step => $"{step.Key} {step.P99.ToString("0.0", CultureInfo.InvariantCulture)} ({step.Count})"));

    /// <summary>The highest p99 of any step.</summary>
    public double SlowestP99 => _steps.Values.Select(acks => Stopwatches.Percentile(acks.Order().ToList(), 99)).DefaultIfEmpty(double.NaN).Max();
}
