namespace PetitionBot.Discord.Api;

/// <summary>The <c>type</c> of a component, the discriminator of <see cref="ComponentPayload"/>.</summary>
internal static class ComponentType
{
    public const int ActionRow = 1;
    public const int Button = 2;
    public const int StringSelect = 3;
    public const int TextInput = 4;
    public const int Label = 18;
}
