using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Reports;

namespace PetitionBot.ConsoleUi;

/// <summary>The local console: every command against the same store, replies as text with numbered choices, forms
/// asked field by field. Ends (and stops the host) at end of input or /quit.</summary>
public sealed partial class ConsoleSession(
    IPetitionBot bot,
    IServerStore servers,
    ConsoleIo io,
    ConsoleSettings settings,
    ConsoleOrganizers organizers,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<ConsoleSession> logger) : BackgroundService
{
    private Actor _actor = ConsoleIdentity.ActorFor(settings.Role, settings.User);
    private IReadOnlyList<ConsoleAction> _actions = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await EnsureLocalServerAsync(stoppingToken);
            organizers.Admit(_actor);
            var output = io.Output;
            output.WriteLine($"PetitionBot console, acting as {Describe()}. Commands: /sign /unsign /petition /mydata /totals /update /export /setup /help.");
            output.WriteLine("Type the number of a choice to pick it; /as student|leader|organizer [name] or /user <name> to switch; /quit to leave.");
            while (!stoppingToken.IsCancellationRequested)
            {
                output.Write("> ");
                output.Flush();
                var line = await io.Input.ReadLineAsync(stoppingToken);
                if (line is null || line.Trim() is "/quit" or "/exit")
                {
                    break;
                }

                await HandleLineAsync(line.Trim(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
        }

        io.Output.Flush();
        lifetime.StopApplication();
    }

    private async Task HandleLineAsync(string line, CancellationToken ct)
    {
        if (line.Length == 0)
        {
            return;
        }

        BotInput input;
        if (line.StartsWith('/'))
        {
            var (command, options) = CommandLineParser.Parse(line);
            if (SwitchIdentity(command, line))
            {
                return;
            }

            input = new CommandInput(_actor, ConsoleIdentity.ChannelId, command, ConsoleOptions.Normalize(command, options));
        }
        else if (int.TryParse(line, out var n) && n >= 1 && n <= _actions.Count)
        {
            var action = _actions[n - 1];
            input = new ChoiceInput(_actor, ConsoleIdentity.ChannelId, action.Token, action.Value is null ? [] : [action.Value]);
        }
        else
        {
            io.Output.WriteLine(_actions.Count > 0
                ? $"Type a number from 1 to {_actions.Count}, or a command such as /sign."
                : "Type a command such as /sign or /help.");
            return;
        }

        await ShowAsync(await bot.HandleAsync(input, ct), ct);
    }

    private async Task ShowAsync(Reply reply, CancellationToken ct)
    {
        if (reply.Form is { } form)
        {
            io.Output.WriteLine($"\n== {form.Title} ==");
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in form.Fields)
            {
                var hint = field.Value is { Length: > 0 } v ? $" [{v}]" : field.Placeholder is { Length: > 0 } p ? $" ({p})" : "";
                io.Output.Write($"{field.Label}{hint}: ");
                io.Output.Flush();
                var answer = await io.Input.ReadLineAsync(ct);
                if (answer is null)
                {
                    return;
                }

                fields[field.Id] = answer.Length == 0 && field.Value is not null ? field.Value : answer;
            }

            await ShowAsync(await bot.HandleAsync(new FormInput(_actor, ConsoleIdentity.ChannelId, form.Token, fields), ct), ct);
            return;
        }

        _actions = ConsoleRenderer.Render(reply, io.Output);
        foreach (var file in reply.Attachments)
        {
            var path = await ExportFiles.WriteNewAsync(ExportFiles.StampedPath(settings.ExportDirectory, file.FileName, time.GetUtcNow()), file.Content, ct);
            io.Output.WriteLine($"   Saved {file.FileName} ({file.Content.Length:N0} bytes) to {path}");
        }
    }

    private bool SwitchIdentity(string command, string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        switch (command)
        {
            case "as" when words.Length >= 2 && ConsoleIdentity.TryParseRole(words[1], out var role):
                _actor = ConsoleIdentity.ActorFor(role, words.Length >= 3 ? words[2] : null);
                break;
            case "as":
                io.Output.WriteLine("Usage: /as student|leader|organizer [name]");
                return true;
            case "user" when words.Length >= 2:
                _actor = ConsoleIdentity.ActorFor(ConsoleIdentity.RoleOf(_actor), words[1]);
                break;
            case "user":
                io.Output.WriteLine("Usage: /user <name>");
                return true;
            default:
                return false;
        }

        organizers.Admit(_actor);
        _actions = [];
        io.Output.WriteLine($"Now acting as {Describe()}.");
        return true;
    }

    private string Describe() => ConsoleIdentity.Describe(_actor);

    private async Task EnsureLocalServerAsync(CancellationToken ct)
    {
        if (await servers.FindAsync(ConsoleIdentity.Server, ct) is null)
        {
            await servers.SaveAsync(new ServerSettings(ConsoleIdentity.Server)
            {
                Name = "Local console",
                LeaderRoleId = ConsoleIdentity.LeaderRoleId,
                AnnouncementChannelId = ConsoleIdentity.ChannelId,
                UpdatedAt = time.GetUtcNow(),
            }, ct);
        }
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "The console session failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
