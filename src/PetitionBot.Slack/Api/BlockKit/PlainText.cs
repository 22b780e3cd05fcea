using System.Text.Json.Serialization;

namespace PetitionBot.Slack.Api;

/// <summary>A <c>plain_text</c> object (never parsed for mentions). Fields that only allow plain text (titles, labels,
/// button text) are typed <see cref="PlainText"/>; registering the type as its own derived type makes it carry
/// <c>"type":"plain_text"</c> there too (a polymorphic type cannot be sealed, hence the open record).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
internal record PlainText(string Text, bool Emoji = true) : TextObject(Text);
