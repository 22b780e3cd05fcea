using PetitionBot.Discord.Api;

namespace PetitionBot.Discord.Rendering;

/// <summary>Maps <see cref="CommandCatalog.All"/> to Discord application commands.</summary>
internal static class CommandRenderer
{
    /// <summary>MANAGE_GUILD (0x20): "Manage Server".</summary>
    public const string ManageServer = "32";

    public static IReadOnlyList<CommandPayload> Render(IEnumerable<CommandSpec> specs) =>
        specs.Select(Render).ToList();

    public static CommandPayload Render(CommandSpec spec) => new(
        spec.Name,
        Truncate(spec.Description, 100),
        1,
        spec.Options.OrderByDescending(o => o.Required).Select(Render).ToList(),
        spec.AdminOnlyByDefault ? ManageServer : null,
        spec.AdminOnlyByDefault ? [0] : [0, 1],
        [0]);

    private static CommandOptionPayload Render(CommandOption option) => option.Kind switch
    {
        OptionKind.Channel => new(7, option.Name, Truncate(option.Description, 100), option.Required, ChannelTypes: [0, 5]),
        OptionKind.Role => new(8, option.Name, Truncate(option.Description, 100), option.Required),
        OptionKind.Boolean => new(5, option.Name, Truncate(option.Description, 100), option.Required),
        _ when option.Choices is { Count: > 0 } choices => new(3, option.Name, Truncate(option.Description, 100), option.Required,
            Choices: choices.Select(c => new CommandChoicePayload(c, c)).ToList()),
        OptionKind.School => new(3, option.Name, Truncate(option.Description, 100), option.Required, Math.Clamp(option.MaxLength, 1, 6000), Autocomplete: true),
        _ => new(3, option.Name, Truncate(option.Description, 100), option.Required, Math.Clamp(option.MaxLength, 1, 6000)),
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
