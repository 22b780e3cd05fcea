namespace PetitionBot.Discord.Api;

/// <summary>The <c>data</c> of an interaction; which fields are set depends on its type: a command or autocomplete
/// (2, 4) has <see cref="Name"/> and <see cref="Options"/>, a component (3) <see cref="CustomId"/>,
/// <see cref="ComponentType"/> and for a select <see cref="Values"/>, a modal submit (5) <see cref="CustomId"/> and
/// <see cref="Components"/>.</summary>
internal sealed record InteractionDataPayload
{
    public string? Name { get; init; }

    public IReadOnlyList<InteractionOptionPayload>? Options { get; init; }

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    public IReadOnlyList<ComponentPayload>? Components { get; init; }
}
