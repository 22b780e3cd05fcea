using System.Security.Cryptography;

namespace PetitionBot.Core.Flows;

/// <summary>Unguessable ids for drafts and outbox items: 16 characters of [a-z0-9] (≈ 82 bits).</summary>
public static class DraftIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 16);
}
