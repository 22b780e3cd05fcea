namespace PetitionBot.Discord.Api;

/// <summary>String select (type 3). Sent with <see cref="Options"/>; inside a submitted modal it comes back with the
/// chosen <see cref="Values"/>.</summary>
internal sealed record StringSelectPayload : ComponentPayload
{
    public string? CustomId { get; init; }

    public string? Placeholder { get; init; }

    public int? MinValues { get; init; }

    public int? MaxValues { get; init; }

    public IReadOnlyList<SelectOptionPayload>? Options { get; init; }

    public IReadOnlyList<string>? Values { get; init; }
}
