namespace PetitionBot.Discord.Api;

/// <summary>A message body (create message, interaction callback data, webhook follow-up / edit).
/// <see cref="AllowedMentions"/> is always "parse nothing".</summary>
internal sealed record MessagePayload
{
    public const int EphemeralFlag = 64;

    public string? Content { get; init; }

    public IReadOnlyList<EmbedPayload>? Embeds { get; init; }

    /// <summary>Action rows (<see cref="ActionRowPayload"/>), typed as the union so each carries its <c>type</c>.</summary>
    public IReadOnlyList<ComponentPayload>? Components { get; init; }

    public int? Flags { get; init; }

    public AllowedMentionsPayload AllowedMentions { get; init; } = AllowedMentionsPayload.None;

    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    public IReadOnlyList<AttachmentRefPayload>? Attachments { get; init; }
}
