namespace PetitionBot.Core.Ports;

/// <summary>A message the bot posts on its own (milestone announcement, chapter update).</summary>
/// <param name="DedupKey">Stable per (announcement, channel), ≤ 25 ASCII chars: Discord nonce + enforce_nonce, Slack client_msg_id.</param>
/// <param name="Title">A heading.</param>
/// <param name="Text">Plain text; the adapter escapes it so it never pings.</param>
/// <param name="Progress">Goal progress to render as a bar, if any.</param>
public sealed record OutboundMessage(string DedupKey, string? Title, string Text, Progress? Progress = null);
