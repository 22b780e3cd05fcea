namespace PetitionBot.Discord.Interactions;

/// <summary>An INTERACTION_CREATE reduced to what the adapter needs. <see cref="Input"/> is null for interactions the
/// core does not handle (the form re-open button, autocomplete).</summary>
internal sealed record ParsedInteraction(
    string Id,
    string Token,
    int Type,
    BotInput? Input,
    string? CommandName = null,
    string? FormButtonToken = null,
    SuggestInput? Suggest = null)
{
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    public const int ModalSubmit = 5;
}
