using PetitionBot.Core.Ports;
using Prometheus;

namespace PetitionBot.Metrics;

/// <summary>The host's Prometheus registry (one per host, not prometheus-net's static default, so hosts in one process
/// stay apart): the "PetitionBot" meter through <see cref="MeterBridge"/>, process metrics, and gauges read at scrape
/// time — the outbox backlog, whether the store answers, and each adapter's state.</summary>
internal sealed class PetitionMetrics : IDisposable
{
    private static readonly AdapterState[] States = Enum.GetValues<AdapterState>();

    private readonly IServiceProvider _services;
    private readonly MeterBridge _bridge;
    private readonly Gauge _outboxPending;
    private readonly Gauge _storeUp;
    private readonly Gauge _adapterState;

    public PetitionMetrics(IServiceProvider services)
    {
        _services = services;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        _bridge = new MeterBridge(Registry);
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _outboxPending = factory.CreateGauge("petitionbot_outbox_pending", "Announcement deliveries waiting to be sent");
        _storeUp = factory.CreateGauge("petitionbot_store_up", "1 when the store answered the last scrape, else 0");
        _adapterState = factory.CreateGauge("petitionbot_adapter_state", "1 for the state each chat adapter is in, 0 for the others", "adapter", "state");
        Registry.AddBeforeCollectCallback(UpdateAdapters);
        Registry.AddBeforeCollectCallback(UpdateStoreAsync);
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => _bridge.Dispose();

    private void UpdateAdapters()
    {
        foreach (var source in _services.GetServices<IAdapterStatusSource>())
        {
            var status = source.Current;
            var adapter = MetricLabels.Value(status.Name);
            foreach (var state in States)
            {
                _adapterState.WithLabels(adapter, MetricLabels.Value(state)).Set(state == status.State ? 1 : 0);
            }
        }
    }

    private async Task UpdateStoreAsync(CancellationToken ct)
    {
        try
        {
            _outboxPending.Set(await _services.GetRequiredService<IOutboxStore>().PendingCountAsync(ct));
            _storeUp.Set(1);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // /healthz names the failure; the scrape still answers, with the store marked down.
            _storeUp.Set(0);
        }
    }
}
