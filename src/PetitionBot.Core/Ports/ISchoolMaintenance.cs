using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Ports;

/// <summary>School upkeep of the store (both stores implement it): the start-up migration of signatures and servers
/// written before the school directory (or while a school was missing from it), the "Other" texts with their counts,
/// and mapping one of them to a directory school.</summary>
public interface ISchoolMaintenance
{
    /// <summary>Resolves the school text of every signature and server that has no school id yet, and of every "Other"
    /// one again (a school added to the directory since then takes its signatures): found → the school's id and name;
    /// anything else → "Other" with the text kept. Rebuilds the school aggregates when something changed. Idempotent: a
    /// second run with the same directory changes nothing. Returns how many signatures changed.</summary>
    Task<int> MigrateAsync(ISchoolDirectory directory, CancellationToken ct = default);

    /// <summary>Every "Other" school text with how many signatures (all campaigns) carry it, most first; the key is the
    /// school key (<c>other:</c> + the folded text), the label the text as first typed.</summary>
    Task<IReadOnlyList<CountBy>> ListOtherAsync(CancellationToken ct = default);

    /// <summary>Moves every "Other" signature whose text is <paramref name="typed"/> (case and spacing ignored) to
    /// <paramref name="school"/>, with its aggregates, and the servers that typed the same text; audited (actor hashed).
    /// Returns how many signatures moved (0: no such text, nothing changed, nothing audited).</summary>
    Task<int> MapAsync(string typed, School school, string actorKey, DateTimeOffset now, CancellationToken ct = default);
}
