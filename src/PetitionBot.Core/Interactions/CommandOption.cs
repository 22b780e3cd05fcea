namespace PetitionBot.Core.Interactions;

/// <summary>An option of a command. Names are lowercase, ≤ 32 chars (Discord's rule). <see cref="Choices"/>, when set,
/// are the only values (Discord choices; on Slack a bare word equal to one of them sets the option).</summary>
public sealed record CommandOption(string Name, string Description, OptionKind Kind, bool Required = false, int MaxLength = 100,
    IReadOnlyList<string>? Choices = null);
