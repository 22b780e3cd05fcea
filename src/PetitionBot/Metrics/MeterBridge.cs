using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PetitionBot.Core.Telemetry;
using Prometheus;

namespace PetitionBot.Metrics;

/// <summary>Publishes the instruments of the "PetitionBot" <see cref="Meter"/> in one Prometheus registry.
/// prometheus-net's own MeterAdapter is not used: by its source it names series meter_instrument
/// ("petitionbot_petitionbot_signatures"), exports counters as gauges and drops series idle for five minutes (the 8.2.1
/// default, checked), and in a probe with 8.2.1 and a custom registry it connected the six instruments but exported no
/// series at all. Here a counter stays a counter (<c>petitionbot_signatures_total</c>), a histogram in seconds gets the
/// <c>_seconds</c> suffix, and the label set of each metric is fixed (see <see cref="KnownLabels"/>).</summary>
internal sealed class MeterBridge : IDisposable
{
    /// <summary>Ack deadlines are 3 s on both platforms: buckets are dense below that.</summary>
    private static readonly double[] SecondsBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5, 10];

    private static readonly Dictionary<string, string[]> KnownLabels = new(StringComparer.Ordinal)
    {
        ["petitionbot_signatures"] = ["platform"],
        ["petitionbot_interactions"] = ["platform", "kind", "outcome"],
        ["petitionbot_ack_latency"] = ["platform"],
        ["petitionbot_reconnects"] = ["platform", "reason"],
        ["petitionbot_rate_limited"] = ["platform", "scope"],
        ["petitionbot_outbox_deliveries"] = ["platform", "outcome"],
        ["petitionbot_mail_failures"] = ["reason"],
        ["petitionbot_store_write_transactions"] = ["store"],
    };

    private readonly IMetricFactory _factory;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Exported> _exported = new();

    public MeterBridge(CollectorRegistry registry)
    {
        _factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BotMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, m, tags, _) => Record(i, m, tags));
        _listener.SetMeasurementEventCallback<int>((i, m, tags, _) => Record(i, m, tags));
        _listener.SetMeasurementEventCallback<double>((i, m, tags, _) => Record(i, m, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_exported.TryGetValue(instrument, out var exported))
        {
            exported = _exported.GetOrAdd(instrument, (i, t) => Export(i, t), tags.ToArray());
        }

        if (exported.Collector is null)
        {
            return;
        }

        var values = new string[exported.Labels.Length];
        for (var l = 0; l < values.Length; l++)
        {
            values[l] = "";
            foreach (var tag in tags)
            {
                if (string.Equals(tag.Key, exported.Labels[l], StringComparison.Ordinal))
                {
                    values[l] = MetricLabels.Value(tag.Value);
                    break;
                }
            }
        }

        switch (exported.Collector)
        {
            case Counter counter when value >= 0:
                counter.WithLabels(values).Inc(value);
                break;
            case Gauge gauge:
                gauge.WithLabels(values).Inc(value);
                break;
            case Histogram histogram:
                histogram.WithLabels(values).Observe(value);
                break;
        }
    }

    private Exported Export(Instrument instrument, KeyValuePair<string, object?>[] firstTags)
    {
        var name = PrometheusName(instrument.Name);
        var labels = KnownLabels.TryGetValue(instrument.Name, out var known)
            ? known
            : firstTags.Select(t => t.Key).Where(MetricLabels.AllowedKeys.Contains).Order(StringComparer.Ordinal).ToArray();
        var help = instrument.Description ?? instrument.Name;
        var genericType = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : null;
        Collector? collector = genericType switch
        {
            _ when genericType == typeof(Counter<>) => _factory.CreateCounter(name + "_total", help, labels),
            _ when genericType == typeof(UpDownCounter<>) => _factory.CreateGauge(name, help, labels),
            _ when genericType == typeof(Histogram<>) => _factory.CreateHistogram(
                instrument.Unit == "s" ? name + "_seconds" : name,
                help,
                labels,
                new HistogramConfiguration { Buckets = instrument.Unit == "s" ? SecondsBuckets : Histogram.ExponentialBuckets(1, 2, 16) }),
            _ => null,
        };
        return new Exported(collector, labels);
    }

    private static string PrometheusName(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    private sealed record Exported(Collector? Collector, string[] Labels);
}
