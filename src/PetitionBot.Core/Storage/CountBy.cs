namespace PetitionBot.Core.Storage;

/// <summary>One row of a breakdown: a key (school key, stage, platform, day), how it reads, and its count.</summary>
public sealed record CountBy(string Key, string Label, int Count);
