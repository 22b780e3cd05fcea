using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.ConsoleUi;

/// <summary>The console's private-message port: a signer's notification is printed, marked as private to that user.</summary>
public sealed class ConsoleDirectMessages(ConsoleIo io) : IDirectMessagePlatform
{
    public PlatformKind Platform => PlatformKind.Console;

    public Task<PostOutcome> SendDirectAsync(DirectRecipient recipient, OutboundMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(message);
        io.Output.WriteLine($"\n[private message to {recipient.UserId}] {message.Title}\n{ConsoleRenderer.Plain(message.Text)}");
        return Task.FromResult(PostOutcome.Delivered);
    }
}
