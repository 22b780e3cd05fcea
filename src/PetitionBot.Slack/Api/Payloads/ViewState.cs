namespace PetitionBot.Slack.Api;

/// <summary><c>state.values[block_id][action_id]</c> of a submitted view.</summary>
internal sealed record ViewState
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, StateValue?>?>? Values { get; init; }
}
