using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Model;

namespace PetitionBot.ConsoleUi;

/// <summary>The organizers of the local console and CLI verbs: "console:organizer" and every named organizer the
/// console has acted as (<c>--as organizer --user ana</c>, <c>/as organizer ana</c>). Added to <c>Organizers</c> for this
/// process only; adding one refreshes the options so the access policy sees it at once.</summary>
public sealed class ConsoleOrganizers(IOptionsMonitorCache<BotOptions> cache)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal) { ConsoleIdentity.OrganizerKey };

    public IReadOnlyCollection<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _keys];
            }
        }
    }

    /// <summary>Makes an organizer actor of the console an organizer; does nothing for students and leaders.</summary>
    public void Admit(Actor actor)
    {
        if (!ConsoleIdentity.IsOrganizer(actor))
        {
            return;
        }

        lock (_gate)
        {
            if (!_keys.Add(actor.IdentityKey))
            {
                return;
            }
        }

        cache.TryRemove(Options.DefaultName);
    }
}
