namespace PetitionBot.Discord;

/// <summary>The Discord adapter's health, updated by the gateway client and read by the host's /healthz.</summary>
internal sealed class DiscordAdapterStatus(TimeProvider time) : IAdapterStatusSource
{
    public const string AdapterName = "discord";

    private volatile AdapterStatus _current = new(AdapterName, AdapterState.Starting, null, time.GetUtcNow());

    public AdapterStatus Current => _current;

    public void Set(AdapterState state, string? reason = null)
    {
        var current = _current;
        if (current.State == AdapterState.Stopped || (current.State == state && current.Reason == reason))
        {
            return;
        }

        _current = new AdapterStatus(AdapterName, state, reason, time.GetUtcNow());
    }
}
