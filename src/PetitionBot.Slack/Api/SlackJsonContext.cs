using System.Text.Json.Serialization;

namespace PetitionBot.Slack.Api;

/// <summary>The one System.Text.Json context of the Slack adapter: source-generated (no reflection), snake_case member
/// names, nulls left out when writing. <c>type</c> discriminators may come anywhere in an object (Slack does not put
/// them first). Everything the adapter reads from or writes to Slack goes through it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(SocketModeMessage))]
[JsonSerializable(typeof(SocketModeEnvelopeId))]
[JsonSerializable(typeof(SocketModeAck))]
[JsonSerializable(typeof(SlashCommandPayload))]
[JsonSerializable(typeof(InteractivePayload))]
[JsonSerializable(typeof(EventsApiPayload))]
[JsonSerializable(typeof(UrlVerificationResponse))]
[JsonSerializable(typeof(SlackAckPayload))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(PostEphemeralRequest))]
[JsonSerializable(typeof(ResponseUrlMessage))]
[JsonSerializable(typeof(OpenViewRequest))]
[JsonSerializable(typeof(UpdateViewRequest))]
[JsonSerializable(typeof(ConversationsOpenRequest))]
[JsonSerializable(typeof(CompleteUploadRequest))]
[JsonSerializable(typeof(SlackApiBody))]
[JsonSerializable(typeof(ViewResponse))]
[JsonSerializable(typeof(ConversationsOpenResponse))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
[JsonSerializable(typeof(UsersInfoResponse))]
[JsonSerializable(typeof(UserGroupsListResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(OAuthAccessResponse))]
[JsonSerializable(typeof(IReadOnlyList<Block>))]
[JsonSerializable(typeof(View))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
