namespace PetitionBot.Fakes.Discord;

/// <summary>A server the fake bot is in.</summary>
public sealed record FakeGuild(string Id, string Name);
