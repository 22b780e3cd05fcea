using PetitionBot.Core.Schools;

namespace PetitionBot.Core;

public sealed partial class PetitionBotService
{
    /// <summary>School suggestions from the directory (pure, in memory: well within the platforms' 3 s). Text that names
    /// one school (its id, name, alias, or a near miss) puts that school first; any other text is kept as the last entry,
    /// "Other", so a school missing from the list can still be given where the picker only takes its own entries.</summary>
    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestInput input, CancellationToken ct = default)
    {
        if (input is null || !string.Equals(input.Field, CommandCatalog.SchoolOption, StringComparison.Ordinal))
        {
            return Task.FromResult<IReadOnlyList<Suggestion>>([]);
        }

        var query = (input.Query.Length > 100 ? input.Query[..100] : input.Query).Trim();
        var found = schools.Suggest(query, SuggestInput.Max).Select(s => new Suggestion(s.Id, s.Name)).ToList();
        // "other: <name>" typed on purpose is always offered as it is (even a name close to a listed school's).
        var typedOther = OtherSchoolValue.TextOf(query);
        var named = query.Length == 0 || typedOther is not null ? null
            : schools.Find(query) ?? (schools.Resolve(query) is { Kind: SchoolMatchKind.Found, School: { } match } ? match : null);
        if (named is not null)
        {
            found = [new Suggestion(named.Id, named.Name), .. found.Where(s => s.Value != named.Id).Take(SuggestInput.Max - 1)];
        }
        else if (OtherSchoolValue.Suggest(typedOther ?? query) is { } other)
        {
            found = [.. found.Take(SuggestInput.Max - 1), other];
        }

        return Task.FromResult<IReadOnlyList<Suggestion>>(found);
    }
}
