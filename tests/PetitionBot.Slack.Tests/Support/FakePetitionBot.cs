using System.Collections.Concurrent;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.Slack.Tests.Support;

/// <summary>A canned core: records every input and answers with <see cref="Respond"/>.</summary>
public sealed class FakePetitionBot : IPetitionBot
{
    private readonly ConcurrentQueue<BotInput> _inputs = new();

    public Func<BotInput, Task<Reply>> Respond { get; set; } = _ => Task.FromResult(Reply.Private("ok"));

    public IReadOnlyList<BotInput> Inputs => [.. _inputs];

    public ConcurrentQueue<WorkspaceRef> Joined { get; } = new();

    public ConcurrentQueue<WorkspaceRef> Left { get; } = new();

    public Task<Reply> HandleAsync(BotInput input, CancellationToken ct = default)
    {
        _inputs.Enqueue(input);
        return Respond(input);
    }

    public ConcurrentQueue<SuggestInput> Suggests { get; } = new();

    public Func<SuggestInput, IReadOnlyList<Suggestion>> Suggester { get; set; } = _ => [];

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestInput input, CancellationToken ct = default)
    {
        Suggests.Enqueue(input);
        return Task.FromResult(Suggester(input));
    }

    public Task WorkspaceJoinedAsync(WorkspaceRef workspace, string? name, CancellationToken ct = default)
    {
        Joined.Enqueue(workspace);
        return Task.CompletedTask;
    }

    public Task WorkspaceLeftAsync(WorkspaceRef workspace, CancellationToken ct = default)
    {
        Left.Enqueue(workspace);
        return Task.CompletedTask;
    }
}
