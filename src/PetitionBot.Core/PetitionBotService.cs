using Microsoft.Extensions.Logging;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Model;

namespace PetitionBot.Core;

/// <summary>The campaign core's entry point: routes each neutral input to its flow and always answers.</summary>
public sealed partial class PetitionBotService(
    FlowSet flows,
    CampaignDirectory campaigns,
    AccessPolicy access,
    IServerStore servers,
    Abuse.InteractionRateLimiter rateLimiter,
    TimeProvider time,
    ILogger<PetitionBotService> logger,
    ISchoolDirectory schools) : IPetitionBot
{
    public async Task<Reply> HandleAsync(BotInput input, CancellationToken ct = default)
    {
        if (input?.Actor is null)
        {
            return Replies.Expired;
        }

        if (rateLimiter.Check(input.Actor.IdentityKey) is { } wait)
        {
            return Reply.Private($"You're going a bit fast. Please wait {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds and try again; nothing was changed.");
        }

        try
        {
            var server = string.IsNullOrEmpty(input.Actor.ServerId) ? null : await servers.FindAsync(input.Actor.Server, ct);
            var ctx = new FlowContext(input.Actor, input.ChannelId, server, access.IsOrganizer(input.Actor), time.GetUtcNow());
            var reply = input switch
            {
                CommandInput command => await CommandAsync(ctx, command, ct),
                ChoiceInput choice => await ChoiceAsync(ctx, choice, ct),
                FormInput form => await FormAsync(ctx, form, ct),
                _ => Replies.Expired,
            };
            return await WithAdminNoticeAsync(ctx, reply, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(logger, input.GetType().Name, input.Actor.Platform, ex);
            return Reply.Private("Sorry, something went wrong on our side and nothing was changed. Please try again in a minute.");
        }
    }

    public async Task ServerJoinedAsync(ServerRef server, string? name, CancellationToken ct = default)
    {
        var existing = await servers.FindAsync(server, ct);
        var settings = (existing ?? new ServerSettings(server)) with { Name = name ?? existing?.Name, Present = true, UpdatedAt = time.GetUtcNow() };
        if (existing is null || !existing.Present || existing.Name != settings.Name)
        {
            await servers.SaveAsync(settings, ct);
        }
    }

    public async Task ServerLeftAsync(ServerRef server, CancellationToken ct = default)
    {
        if (await servers.FindAsync(server, ct) is { Present: true } existing)
        {
            await servers.SaveAsync(existing with { Present = false, UpdatedAt = time.GetUtcNow() }, ct);
        }
    }

    private async Task<Reply> CommandAsync(FlowContext ctx, CommandInput command, CancellationToken ct)
    {
        var name = command.Command.Trim().ToLowerInvariant();
        switch (name)
        {
            case CommandCatalog.MyData:
                return await flows.MyData.ShowAsync(ctx, ct);
            case CommandCatalog.Setup:
                return await flows.Setup.RunAsync(ctx, command.Options, ct);
            case CommandCatalog.Help:
                return Help();
        }

        if (CommandCatalog.Find(name) is null)
        {
            return Help() with { Text = $"Unknown command. {Help().Text}" };
        }

        var campaign = campaigns.Resolve(command.Options.GetValueOrDefault(CommandCatalog.CampaignOption), ctx.Server, ctx.Now, out var error);
        if (campaign is null)
        {
            return Reply.Private(error!);
        }

        return name switch
        {
            CommandCatalog.Sign => await flows.Sign.StartAsync(ctx, campaign, command.Options.GetValueOrDefault(CommandCatalog.SchoolOption), ct),
            CommandCatalog.Unsign => await flows.Unsign.StartAsync(ctx, campaign, ct),
            CommandCatalog.Petition => await flows.Info.PetitionAsync(ctx, campaign, ct),
            CommandCatalog.Totals => await flows.Info.TotalsAsync(ctx, campaign, ct),
            CommandCatalog.Update => await flows.Update.StartAsync(ctx, campaign, ct),
            CommandCatalog.Respond => await flows.Respond.RecordAsync(ctx, campaign, command.Options, ct),
            CommandCatalog.Delivered => await flows.Delivered.RecordAsync(ctx, campaign, command.Options, ct),
            CommandCatalog.Export => PacketExportFlow.FormatOf(command.Options) switch
            {
                PacketExportFlow.Pdf => await flows.Packet.ExportAsync(ctx, campaign, ct),
                PacketExportFlow.Csv => await flows.Export.ExportAsync(ctx, campaign, ct),
                _ => Reply.Private("The export format is csv (the default) or pdf; nothing was exported."),
            },
            _ => Help(),
        };
    }

    private Task<Reply> ChoiceAsync(FlowContext ctx, ChoiceInput choice, CancellationToken ct) => Token.Prefix(choice.Token) switch
    {
        SignFlow.Prefix => flows.Sign.ChooseAsync(ctx, choice.Token, ct),
        UnsignFlow.Prefix => flows.Unsign.ChooseAsync(ctx, choice.Token, ct),
        MyDataFlow.Prefix => flows.MyData.ChooseAsync(ctx, choice.Token, ct),
        UpdateFlow.ScopePrefix => flows.Update.ChooseAsync(ctx, choice.Token, ct),
        UpdateFlow.PreviewPrefix => flows.Update.PreviewChoiceAsync(ctx, choice.Token, ct),
        AddressProofFlow.Prefix => flows.Proof.ChooseAsync(ctx, choice.Token, ct),
        NotificationFlow.Prefix => flows.Notify.ChooseAsync(ctx, choice.Token, ct),
        _ => Task.FromResult(Replies.Expired),
    };

    private Task<Reply> FormAsync(FlowContext ctx, FormInput form, CancellationToken ct) => Token.Prefix(form.Token) switch
    {
        SignFlow.FormPrefix => flows.Sign.SubmitAsync(ctx, form.Token, form.Fields, ct),
        UpdateFlow.FormPrefix => flows.Update.SubmitAsync(ctx, form.Token, form.Fields, ct),
        AddressProofFlow.FormPrefix => flows.Proof.SubmitAsync(ctx, form.Token, form.Fields, ct),
        _ => Task.FromResult(Replies.Expired),
    };

    /// <summary>Tells a server's admin, once, that announcements to their channel were paused.</summary>
    private async Task<Reply> WithAdminNoticeAsync(FlowContext ctx, Reply reply, CancellationToken ct)
    {
        if (ctx.Server is not { AdminNoticePending: true } || !ctx.Actor.IsServerAdmin || reply.Form is not null)
        {
            return reply;
        }

        // Read the settings again: the command itself (e.g. /setup channel:...) may have changed them, and saving the
        // copy read before the command would undo that change.
        if (await servers.FindAsync(ctx.Server.Ref, ct) is not { AdminNoticePending: true } server)
        {
            return reply;
        }

        await servers.SaveAsync(server with { AdminNoticePending = false }, ct);
        return reply with
        {
            Text = $"Note for admins: PetitionBot could not post to this server's announcement channel ({server.ChannelProblem}), " +
                   "so announcements here are paused. Check the bot's permissions there and run /setup channel:<channel> again.\n\n" + reply.Text,
        };
    }

    private static Reply Help() => Reply.Private(
        "Commands: /sign to sign, /unsign to withdraw, /petition for the petition and progress, /mydata for what is stored about you. " +
        "Chapter leaders: /totals, /update. Server admins: /setup. Organizers: /totals, /export, /respond, /delivered.");

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Handling a {InputKind} from {Platform} failed")]
    private static partial void LogFailed(ILogger logger, string inputKind, PlatformKind platform, Exception ex);
}
