using System.Collections.Concurrent;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.Discord.Tests.Support;

/// <summary>A stand-in core: records what the adapter hands it and answers with a canned reply.</summary>
internal sealed class FakePetitionBot : IPetitionBot
{
    public ConcurrentQueue<BotInput> Inputs { get; } = new();

    public ConcurrentQueue<(WorkspaceRef Workspace, string? Name)> Joined { get; } = new();

    public ConcurrentQueue<WorkspaceRef> Left { get; } = new();

    public Func<BotInput, CancellationToken, Task<Reply>> Handler { get; set; } = (_, _) => Task.FromResult(Reply.Private("ok"));

    public Task<Reply> HandleAsync(BotInput input, CancellationToken ct = default)
    {
        Inputs.Enqueue(input);
        return Handler(input, ct);
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
        Joined.Enqueue((workspace, name));
        return Task.CompletedTask;
    }

    public Task WorkspaceLeftAsync(WorkspaceRef workspace, CancellationToken ct = default)
    {
        Left.Enqueue(workspace);
        return Task.CompletedTask;
    }
}
