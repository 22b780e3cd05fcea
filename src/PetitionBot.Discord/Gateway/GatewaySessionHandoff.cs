using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.Discord.Api;

namespace PetitionBot.Discord.Gateway;

/// <summary>The session handoff file (Discord:SessionFile, by default next to the database): written only when the
/// process stops to restart, read and deleted on the next start, ignored once older than
/// <see cref="GatewayTimings.HandoffValidity"/>. Never throws for a missing, unreadable or stale file.</summary>
internal sealed class GatewaySessionHandoff(
    IOptions<DiscordOptions> options,
    GatewayTimings timings,
    TimeProvider time,
    ILogger<GatewaySessionHandoff> logger)
{
    private string? Path => string.IsNullOrWhiteSpace(options.Value.SessionFile) ? null : options.Value.SessionFile;

    /// <summary>The saved session if one is there and still fresh; the file is deleted either way (it is good once).</summary>
    public async Task<GatewaySessionState?> TakeAsync(CancellationToken ct = default)
    {
        if (Path is not { } path || !File.Exists(path))
        {
            return null;
        }

        GatewaySessionState? state;
        try
        {
            await using (var stream = File.OpenRead(path))
            {
                state = await JsonSerializer.DeserializeAsync(stream, DiscordJsonContext.Default.GatewaySessionState, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            logger.HandoffUnusable(ex.GetType().Name);
            state = null;
        }

        Discard();
        var age = time.GetUtcNow() - (state?.SavedAt ?? DateTimeOffset.MinValue);
        if (state is null || string.IsNullOrEmpty(state.SessionId) || string.IsNullOrEmpty(state.ResumeUrl) || age < TimeSpan.Zero || age > timings.HandoffValidity)
        {
            logger.HandoffStale();
            return null;
        }

        return state;
    }

    /// <summary>Writes the session for the next process (owner-only permissions where the OS has them).</summary>
    public async Task SaveAsync(GatewaySessionState state, CancellationToken ct = default)
    {
        if (Path is not { } path)
        {
            return;
        }

        try
        {
            var temp = path + ".tmp";
            var mode = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(temp, mode))
            {
                await JsonSerializer.SerializeAsync(stream, state, DiscordJsonContext.Default.GatewaySessionState, ct).ConfigureAwait(false);
            }

            File.Move(temp, path, overwrite: true);
            logger.HandoffSaved((long)timings.HandoffValidity.TotalSeconds);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.HandoffUnusable(ex.GetType().Name);
        }
    }

    /// <summary>Deletes a saved session (a stop for good ends the session: nothing is left to resume).</summary>
    public void Discard()
    {
        if (Path is not { } path)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.HandoffUnusable(ex.GetType().Name);
        }
    }
}
