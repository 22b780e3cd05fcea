using System.Security.Cryptography;

namespace PetitionBot.Core.Model;

/// <summary>Unguessable ids for drafts, announcements and outbox items: 16 characters of [a-z0-9] (≈ 82 bits).</summary>
public static class RandomIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 16);
}
