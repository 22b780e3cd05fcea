namespace PetitionBot.Core;

public sealed partial class PetitionBotService
{
    /// <summary>School suggestions from the directory (pure, in memory: well within the platforms' 3 s).</summary>
    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestInput input, CancellationToken ct = default)
    {
        if (input is null || !string.Equals(input.Field, CommandCatalog.SchoolOption, StringComparison.Ordinal))
        {
            return Task.FromResult<IReadOnlyList<Suggestion>>([]);
        }

        var query = input.Query.Length > 100 ? input.Query[..100] : input.Query;
        IReadOnlyList<Suggestion> found = schools.Suggest(query, SuggestInput.Max).Select(s => new Suggestion(s.Id, s.Name)).ToList();
        return Task.FromResult(found);
    }
}
