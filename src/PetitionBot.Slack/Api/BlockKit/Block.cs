using System.Text.Json.Serialization;

namespace PetitionBot.Slack.Api;

/// <summary>A Block Kit layout block. The <c>type</c> member is written from the runtime type
/// (docs.slack.dev/reference/block-kit/blocks); only the blocks the adapter renders are modelled.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(InputBlock), "input")]
internal abstract record Block;
