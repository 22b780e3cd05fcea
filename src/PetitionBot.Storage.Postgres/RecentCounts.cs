namespace PetitionBot.Storage.Postgres;

/// <summary>The campaign totals and school counts this process last saw pb_sign return. Only a guess of which path a
/// signature should take: when the next signature would bring a count it saw to a milestone trigger, the store signs in
/// the milestone transaction at once instead of running pb_sign in autocommit, which would abort (PBM01) and be redone
/// (one round trip and a rolled-back signature saved). pb_sign still checks the real counts: a stale guess (another
/// process signed meanwhile, a signature was removed) only costs the path that would otherwise have been taken.</summary>
internal sealed class RecentCounts
{
    private const int MaxEntries = 50_000;

    private readonly Dictionary<(string Campaign, string? School), int> _counts = [];
    private readonly Lock _gate = new();

    /// <summary>True when one more signature would bring the campaign's last seen total to one of
    /// <paramref name="campaignTriggers"/>, or the school's last seen count to one of <paramref name="schoolTriggers"/>.</summary>
    public bool NextMayCross(string campaignId, string schoolKey, int[] campaignTriggers, int[] schoolTriggers)
    {
        lock (_gate)
        {
            return (_counts.TryGetValue((campaignId, null), out var total) && Array.IndexOf(campaignTriggers, total + 1) >= 0)
                || (_counts.TryGetValue((campaignId, schoolKey), out var school) && Array.IndexOf(schoolTriggers, school + 1) >= 0);
        }
    }

    /// <summary>Remembers the counts pb_sign returned (<paramref name="school"/> null when it returned none).</summary>
    public void Saw(string campaignId, int total, string schoolKey, int? school)
    {
        lock (_gate)
        {
            if (_counts.Count >= MaxEntries)
            {
                _counts.Clear();
            }

            _counts[(campaignId, null)] = total;
            if (school is { } count)
            {
                _counts[(campaignId, schoolKey)] = count;
            }
        }
    }
}
