namespace PetitionBot.Cli;

/// <summary>What <see cref="ConfigCheck"/> found: errors stop the bot from starting (exit 2); warnings do not.
/// Each message starts with the configuration key it is about and never contains a secret value.</summary>
public sealed record ConfigProblems(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
