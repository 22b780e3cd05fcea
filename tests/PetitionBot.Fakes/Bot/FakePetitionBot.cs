using System.Collections.Concurrent;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.Fakes.Bot;

/// <summary>A stand-in core for the adapter tests: records what the adapter hands it and answers with
/// <see cref="Handler"/> (a private "ok" unless a test sets another).</summary>
public sealed class FakePetitionBot : IPetitionBot
{
    private readonly ConcurrentQueue<BotInput> _inputs = new();

    /// <summary>Every input handed to <see cref="HandleAsync"/>, in arrival order (a snapshot).</summary>
    public IReadOnlyList<BotInput> Inputs => [.. _inputs];

    public ConcurrentQueue<(ServerRef Server, string? Name)> Joined { get; } = new();

    public ConcurrentQueue<ServerRef> Left { get; } = new();

    public ConcurrentQueue<SuggestInput> Suggests { get; } = new();

    public Func<BotInput, CancellationToken, Task<Reply>> Handler { get; set; } = (_, _) => Task.FromResult(Reply.Private("ok"));

    public Func<SuggestInput, IReadOnlyList<Suggestion>> Suggester { get; set; } = _ => [];

    public Task<Reply> HandleAsync(BotInput input, CancellationToken ct = default)
    {
        _inputs.Enqueue(input);
        return Handler(input, ct);
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestInput input, CancellationToken ct = default)
    {
        Suggests.Enqueue(input);
        return Task.FromResult(Suggester(input));
    }

    public Task ServerJoinedAsync(ServerRef server, string? name, CancellationToken ct = default)
    {
        Joined.Enqueue((server, name));
        return Task.CompletedTask;
    }

    public Task ServerLeftAsync(ServerRef server, CancellationToken ct = default)
    {
        Left.Enqueue(server);
        return Task.CompletedTask;
    }
}
