namespace PetitionBot.Core.Flows;

/// <summary>Builds and splits the opaque tokens the core puts in buttons and forms: "flow:part:part".
/// Parts are ASCII ids the core made itself; anything else fails to parse and is answered as expired.</summary>
public static class Token
{
    public static string Make(params string[] parts) => string.Join(':', parts);

    /// <summary>Splits a token of the expected flow prefix into exactly <paramref name="count"/> parts (prefix included).</summary>
    public static bool TrySplit(string? token, string prefix, int count, out string[] parts)
    {
        parts = [];
        if (token is null || token.Length > Interactions.Choice.MaxTokenLength)
        {
            return false;
        }

        var split = token.Split(':');
        if (split.Length != count || split[0] != prefix || split.Any(p => p.Length == 0 || !p.All(IsTokenChar)))
        {
            return false;
        }

        parts = split;
        return true;
    }

    public static string Prefix(string? token)
    {
        if (token is null)
        {
            return "";
        }

        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? token : token[..colon];
    }

    private static bool IsTokenChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_';
}
