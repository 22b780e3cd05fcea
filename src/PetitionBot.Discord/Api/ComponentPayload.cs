using System.Text.Json.Serialization;

namespace PetitionBot.Discord.Api;

/// <summary>A message or modal component. Discord's components are a union told apart by the number in
/// <c>type</c>; each shape the adapter sends or reads is a derived record, and the serializer writes and reads that
/// number (wherever it stands in the object). A type the adapter does not know (text display, file upload, the
/// user/role selects) is read as this base record with nothing in it, so it is ignored instead of failing the
/// interaction. Declare properties as this type, never as a derived one: only then is <c>type</c> written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(ActionRowPayload), ComponentType.ActionRow)]
[JsonDerivedType(typeof(ButtonPayload), ComponentType.Button)]
[JsonDerivedType(typeof(StringSelectPayload), ComponentType.StringSelect)]
[JsonDerivedType(typeof(TextInputPayload), ComponentType.TextInput)]
[JsonDerivedType(typeof(LabelPayload), ComponentType.Label)]
internal record ComponentPayload;
