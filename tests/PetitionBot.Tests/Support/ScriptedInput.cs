namespace PetitionBot.Tests.Support;

/// <summary>Console input from a script. A step "wait-for:TEXT" pauses the script until the output shows TEXT
/// (an announcement printed by the outbox, say); the end of the script is the end of input.</summary>
internal sealed class ScriptedInput(IEnumerable<string> steps, CapturedOutput output) : TextReader
{
    private readonly Queue<string> _steps = new(steps);

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (_steps.TryDequeue(out var step))
        {
            if (step.StartsWith("wait-for:", StringComparison.Ordinal))
            {
                await output.WaitForAsync(step["wait-for:".Length..]);
                continue;
            }

            return step;
        }

        return null;
    }

    public override string? ReadLine() => throw new NotSupportedException("The console reads asynchronously.");
}
