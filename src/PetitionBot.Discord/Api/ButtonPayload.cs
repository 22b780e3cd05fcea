namespace PetitionBot.Discord.Api;

/// <summary>Button (type 2): styles 1-4 carry a <see cref="CustomId"/>, style 5 (link) a <see cref="Url"/>.</summary>
internal sealed record ButtonPayload(int Style, string? Label = null, string? CustomId = null, string? Url = null) : ComponentPayload
{
    public const int Primary = 1;
    public const int Secondary = 2;
    public const int Success = 3;
    public const int Danger = 4;
    public const int Link = 5;
}
