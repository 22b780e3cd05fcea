using PetitionBot.Core.Model;

namespace PetitionBot.Core.Interactions;

/// <summary>Something a person did in chat, translated by an adapter into neutral terms.</summary>
/// <param name="Actor">Who did it.</param>
/// <param name="ChannelId">The channel it happened in, when there is one.</param>
public abstract record BotInput(Actor Actor, string? ChannelId);
