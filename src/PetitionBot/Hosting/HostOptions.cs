using PetitionBot.ConsoleUi;

namespace PetitionBot.Hosting;

/// <summary>How to build the host: mode, config arguments, and (for tests) overrides and the console's I/O.</summary>
public sealed record PetitionHostOptions(HostMode Mode, string[] ConfigArgs)
{
    public IDictionary<string, string?>? Overrides { get; init; }

    public ConsoleSettings? Console { get; init; }

    public ConsoleIo? ConsoleIo { get; init; }

    /// <summary>Lets tests replace services (e.g. a FakeTimeProvider) after the defaults are registered.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
