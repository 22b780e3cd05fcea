namespace PetitionBot.Discord.Api;

/// <summary>The <c>properties</c> of Identify: the client's OS and library name.</summary>
internal sealed record IdentifyPropertiesPayload(string Os, string Browser, string Device)
{
    public static IdentifyPropertiesPayload PetitionBot { get; } = new("linux", "petitionbot", "petitionbot");
}
