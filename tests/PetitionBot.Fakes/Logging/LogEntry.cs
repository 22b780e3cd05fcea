using Microsoft.Extensions.Logging;

namespace PetitionBot.Fakes.Logging;

/// <summary>One recorded log entry.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>The message and, when there is one, the whole exception text (type, message, stack): everything a
    /// log sink would write, for "this secret never reaches the log" checks.</summary>
    public string Text => Exception is null ? Message : Message + " " + Exception;

    public override string ToString() => $"{Level} {Category}: {Message} {Exception?.GetType().Name} {Exception?.Message}";
}
