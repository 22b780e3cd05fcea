namespace PetitionBot.Discord.Api;

/// <summary>Text input (type 4) of a modal. Sent with its limits; a modal submit returns it with
/// <see cref="CustomId"/> and the typed <see cref="Value"/> only.</summary>
internal sealed record TextInputPayload : ComponentPayload
{
    public const int Short = 1;
    public const int Paragraph = 2;

    public string? CustomId { get; init; }

    public int? Style { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public bool? Required { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}
