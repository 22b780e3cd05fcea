using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Model;

namespace PetitionBot.Core.Abuse;

/// <summary>Watches signatures per server; when one server passes <see cref="AlertOptions.SpikeThreshold"/> within
/// <see cref="AlertOptions.SpikeWindow"/>, posts one alert to the organizers' alert channel (once per window).</summary>
public sealed class SpikeMonitor(IOptionsMonitor<BotOptions> options, IOutboxStore outbox)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _alerted = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task RecordAsync(ServerRef server, string campaignId, DateTimeOffset now, CancellationToken ct = default)
    {
        var alerts = options.CurrentValue.Alerts;
        int count;
        lock (_gate)
        {
            if (!_recent.TryGetValue(server.Key, out var stamps))
            {
                _recent[server.Key] = stamps = new Queue<DateTimeOffset>();
            }

            stamps.Enqueue(now);
            while (stamps.Count > 0 && now - stamps.Peek() > alerts.SpikeWindow)
            {
                stamps.Dequeue();
            }

            count = stamps.Count;
            if (count < alerts.SpikeThreshold || (_alerted.TryGetValue(server.Key, out var last) && now - last < alerts.SpikeWindow))
            {
                return;
            }

            _alerted[server.Key] = now;
        }

        if (AlertChannel(alerts) is not { } channel)
        {
            return;
        }

        var text = $"{count} signatures came from one {server.Platform} server ({server.ServerId}) within " +
                   $"{alerts.SpikeWindow.TotalMinutes:0} minutes (campaign {campaignId}). If this looks like spam sign-ups, " +
                   $"`petitionbot invalidate --campaign {campaignId} --server {server.Key} --since <time>` removes them (audit-logged).";
        await outbox.EnqueueAsync(new Announcement(DraftIds.New(), campaignId, AnnouncementKind.OrganizerAlert, null, null,
            "Signing spike", text, now), [channel], ct);
    }

    private static ChannelRef? AlertChannel(AlertOptions alerts) =>
        Enum.TryParse<PlatformKind>(alerts.Platform, ignoreCase: true, out var platform) &&
        alerts.WorkspaceId is { Length: > 0 } serverId && alerts.ChannelId is { Length: > 0 } channel
            ? new ChannelRef(platform, serverId, channel)
            : null;
}
