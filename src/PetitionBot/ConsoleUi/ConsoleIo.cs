namespace PetitionBot.ConsoleUi;

/// <summary>The console's input and output (the process's stdin/stdout, or a script in tests). Output is synchronized:
/// announcements are printed from the outbox while the session prints replies.</summary>
public sealed class ConsoleIo(TextReader input, TextWriter output)
{
    public TextReader Input { get; } = input;

    public TextWriter Output { get; } = TextWriter.Synchronized(output);
}
