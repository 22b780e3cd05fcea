namespace PetitionBot.Tests.Support;

/// <summary>Console input from a script. A step "wait-for:TEXT" pauses the script until the output shows TEXT
/// (an announcement printed by the outbox, say); the end of the script is the end of input. Steps are taken one at a
/// time, so an iterator may compute a step from what happened before it (a code read from a mail file).</summary>
internal sealed class ScriptedInput(IEnumerable<string> steps, CapturedOutput output) : TextReader
{
    private readonly IEnumerator<string> _steps = steps.GetEnumerator();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (_steps.MoveNext())
        {
            var step = _steps.Current;
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _steps.Dispose();
        }

        base.Dispose(disposing);
    }
}
