namespace PetitionBot.Core.Model;

/// <summary>Where an interaction came from. Core never sees platform payloads, only this tag.</summary>
public enum PlatformKind
{
    Console = 0,
    Discord = 1,
    Slack = 2,
}
