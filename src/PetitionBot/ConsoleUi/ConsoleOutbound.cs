using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.ConsoleUi;

/// <summary>The console's outbound port: announcements and updates are printed as they are posted.</summary>
public sealed class ConsoleChatPlatform(ConsoleIo io) : IChatPlatform
{
    public PlatformKind Platform => PlatformKind.Console;

    public Task<PostOutcome> PostAsync(ChannelRef channel, OutboundMessage message, CancellationToken ct = default)
    {
        var text = $"\n[#{channel.ChannelId}] {message.Title}\n{ConsoleRenderer.Plain(message.Text)}" +
                   (message.Progress is { } p ? $"\n{p.Bar}  ({p.Summary})" : "");
        io.Output.WriteLine(text);
        return Task.FromResult(PostOutcome.Delivered);
    }
}
