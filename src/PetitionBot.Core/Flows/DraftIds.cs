using PetitionBot.Core.Model;

namespace PetitionBot.Core.Flows;

/// <summary>Unguessable ids for drafts and outbox items (see <see cref="RandomIds"/>).</summary>
public static class DraftIds
{
    public static string New() => RandomIds.New();
}
