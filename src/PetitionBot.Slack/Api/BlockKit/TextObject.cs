using System.Text.Json.Serialization;

namespace PetitionBot.Slack.Api;

/// <summary>A composition text object, written with its <c>type</c>: <c>plain_text</c> or <c>mrkdwn</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
[JsonDerivedType(typeof(MrkdwnText), "mrkdwn")]
internal abstract record TextObject(string Text);
