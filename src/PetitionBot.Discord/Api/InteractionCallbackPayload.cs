using System.Text.Json.Serialization;

namespace PetitionBot.Discord.Api;

/// <summary><c>POST /interactions/{id}/{token}/callback</c> body (and the inline answer of the HTTP endpoint). This
/// base record alone is a callback without data (1 PONG, 6 deferred update); the derived records carry typed data.
/// They are written by their runtime type without a discriminator of their own: <c>type</c> is
/// <see cref="Type"/>, because one data shape serves several callback types (a message for 4, 5 and 7).</summary>
[JsonDerivedType(typeof(MessageCallbackPayload))]
[JsonDerivedType(typeof(ModalCallbackPayload))]
[JsonDerivedType(typeof(AutocompleteCallbackPayload))]
internal record InteractionCallbackPayload([property: JsonPropertyOrder(-1)] int Type)
{
    public const int Pong = 1;
    public const int Message = 4;
    public const int DeferredMessage = 5;
    public const int DeferredUpdate = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;
    public const int Modal = 9;
}
