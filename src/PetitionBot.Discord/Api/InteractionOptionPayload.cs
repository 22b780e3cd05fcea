using System.Text.Json.Serialization;

namespace PetitionBot.Discord.Api;

/// <summary>An option of a command interaction: a value (string, integer, number or boolean, read as its text by
/// <see cref="OptionValueConverter"/>), or for a sub-command its own <see cref="Options"/>. <see cref="Focused"/>
/// marks the option being typed in an autocomplete interaction.</summary>
internal sealed record InteractionOptionPayload(
    string? Name,
    int Type,
    [property: JsonConverter(typeof(OptionValueConverter))] string? Value = null,
    IReadOnlyList<InteractionOptionPayload>? Options = null,
    bool? Focused = null);
