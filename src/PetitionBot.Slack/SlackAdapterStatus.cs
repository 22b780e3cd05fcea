namespace PetitionBot.Slack;

/// <summary>The Slack adapter's health, updated by the Socket Mode service.</summary>
internal sealed class SlackAdapterStatus(TimeProvider time) : IAdapterStatusSource
{
    public const string Name = "slack";

    private AdapterStatus _current = new(Name, AdapterState.Starting, null, time.GetUtcNow());

    public AdapterStatus Current => Volatile.Read(ref _current);

    internal void Set(AdapterState state, string? reason = null)
    {
        var now = Current;
        if (now.State == state && now.Reason == reason)
        {
            return;
        }

        Volatile.Write(ref _current, new AdapterStatus(Name, state, reason, time.GetUtcNow()));
    }
}
