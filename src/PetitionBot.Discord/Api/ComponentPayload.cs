namespace PetitionBot.Discord.Api;

/// <summary>A message or modal component: action row (1), button (2), string select (3), text input (4), label (18).
/// Only the properties of the given type are set; nulls are omitted.</summary>
internal sealed record ComponentPayload(int Type)
{
    public const int ActionRow = 1;
    public const int Button = 2;
    public const int StringSelect = 3;
    public const int TextInput = 4;
    public const int LabelType = 18;

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? Description { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }

    public string? Placeholder { get; init; }

    public int? MinValues { get; init; }

    public int? MaxValues { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public bool? Required { get; init; }

    public string? Value { get; init; }

    public IReadOnlyList<SelectOptionPayload>? Options { get; init; }

    public IReadOnlyList<ComponentPayload>? Components { get; init; }

    public ComponentPayload? Component { get; init; }
}
