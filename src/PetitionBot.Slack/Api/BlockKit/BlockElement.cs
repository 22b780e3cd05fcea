using System.Text.Json.Serialization;

namespace PetitionBot.Slack.Api;

/// <summary>An interactive Block Kit element, written with its <c>type</c>
/// (docs.slack.dev/reference/block-kit/block-elements). Every element the adapter renders has an action_id.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(StaticSelectElement), "static_select")]
[JsonDerivedType(typeof(ExternalSelectElement), "external_select")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
internal abstract record BlockElement(string ActionId);
