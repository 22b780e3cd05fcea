using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.ConsoleUi;

/// <summary>The console's outbound ports: announcements and updates are printed as they are posted, and a signer's
/// notification is printed marked as private to that user.</summary>
public sealed class ConsoleOutbound(ConsoleIo io) : IChatPlatform, IDirectMessagePlatform
{
    public PlatformKind Platform => PlatformKind.Console;

    public Task<PostOutcome> PostAsync(ChannelRef channel, OutboundMessage message, CancellationToken ct = default) =>
        PrintAsync($"\n[#{channel.ChannelId}] {message.Title}\n{ConsoleRenderer.Plain(message.Text)}" +
                   (message.Progress is { } p ? $"\n{p.Bar}  ({p.Summary})" : ""));

    public Task<PostOutcome> SendDirectAsync(DirectRecipient recipient, OutboundMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(message);
        return PrintAsync($"\n[private message to {recipient.UserId}] {message.Title}\n{ConsoleRenderer.Plain(message.Text)}");
    }

    private Task<PostOutcome> PrintAsync(string text)
    {
        io.Output.WriteLine(text);
        return Task.FromResult(PostOutcome.Delivered);
    }
}
