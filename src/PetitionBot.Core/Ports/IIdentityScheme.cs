namespace PetitionBot.Core.Ports;

/// <summary>One platform's identity scheme, registered by its adapter (or the host, for the console). The adapter
/// builds each <see cref="Model.Actor.IdentityKey"/> itself; the core treats keys as opaque strings and asks the
/// registered schemes only whether a configured organizer id is well formed.</summary>
public interface IIdentityScheme
{
    /// <summary>How an organizer id of this platform looks, for the one-line error: <c>discord:&lt;userId&gt;</c>.</summary>
    string OrganizerIdShape { get; }

    /// <summary>Whether <paramref name="organizerId"/> is an identity key this platform could produce.</summary>
    bool IsOrganizerId(string organizerId);
}
