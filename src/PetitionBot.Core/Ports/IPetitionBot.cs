using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

/// <summary>The inbound port: what adapters call. Never throws for bad input: a bad input gets a clear reply.</summary>
public interface IPetitionBot
{
    /// <summary>Handle one interaction and return the reply to show the person.</summary>
    Task<Reply> HandleAsync(BotInput input, CancellationToken ct = default);

    /// <summary>Type-ahead suggestions for a field or option (Discord autocomplete, Slack external_select): at most
    /// <see cref="SuggestInput.Max"/>, best first, fast (no store access). Unknown fields get none.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestInput input, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Suggestion>>([]);

    /// <summary>The bot is (now) in this server (Discord GUILD_CREATE, Slack install / team seen).</summary>
    Task ServerJoinedAsync(ServerRef server, string? name, CancellationToken ct = default);

    /// <summary>The bot was removed from this server (Discord GUILD_DELETE without unavailable, Slack app_uninstalled).</summary>
    Task ServerLeftAsync(ServerRef server, CancellationToken ct = default);
}
