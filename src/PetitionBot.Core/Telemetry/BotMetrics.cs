using System.Diagnostics.Metrics;

namespace PetitionBot.Core.Telemetry;

/// <summary>The process's metrics, on one <see cref="Meter"/> named "PetitionBot" that the host exports (/metrics).
/// Adapters record through these static instruments; tags carry only platform names and outcome words, never ids or text.</summary>
public static class BotMetrics
{
    public const string MeterName = "PetitionBot";

    public static Meter Meter { get; } = new(MeterName);

    /// <summary>Signatures saved (tag platform).</summary>
    public static Counter<long> Signatures { get; } = Meter.CreateCounter<long>("petitionbot_signatures", description: "Signatures saved");

    /// <summary>Interactions handled (tags platform, kind = command|choice|form, outcome = ok|duplicate|failed|late).</summary>
    public static Counter<long> Interactions { get; } = Meter.CreateCounter<long>("petitionbot_interactions", description: "Interactions handled");

    /// <summary>Seconds from receiving an interaction to the platform acknowledgement (tag platform).</summary>
    public static Histogram<double> AckLatency { get; } = Meter.CreateHistogram<double>("petitionbot_ack_latency", unit: "s", description: "Time to first response");

    /// <summary>Gateway / socket reconnections (tags platform, reason).</summary>
    public static Counter<long> Reconnects { get; } = Meter.CreateCounter<long>("petitionbot_reconnects", description: "Gateway or socket reconnects");

    /// <summary>429 answers received (tags platform, scope).</summary>
    public static Counter<long> RateLimited { get; } = Meter.CreateCounter<long>("petitionbot_rate_limited", description: "Rate-limited responses (429)");

    /// <summary>Announcement deliveries (tags platform, outcome).</summary>
    public static Counter<long> Deliveries { get; } = Meter.CreateCounter<long>("petitionbot_outbox_deliveries", description: "Announcement deliveries by outcome");

    /// <summary>Verification codes that could not be sent (tag reason = refused|unreachable).</summary>
    public static Counter<long> MailFailures { get; } = Meter.CreateCounter<long>("petitionbot_mail_failures", description: "Verification mails not sent");

    /// <summary>Store write transactions committed (tag store = litedb).</summary>
    public static Counter<long> StoreWriteTransactions { get; } =
        Meter.CreateCounter<long>("petitionbot_store_write_transactions", description: "Store write transactions committed");
}
