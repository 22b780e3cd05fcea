namespace PetitionBot.Discord.Api;

/// <summary><c>POST /interactions/{id}/{token}/callback</c> body. <see cref="Data"/> is a <see cref="MessagePayload"/>,
/// a <see cref="ModalPayload"/> or null.</summary>
internal sealed record InteractionCallbackPayload(int Type, object? Data = null)
{
    public const int Message = 4;
    public const int DeferredMessage = 5;
    public const int DeferredUpdate = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;
    public const int Modal = 9;
}
