namespace PetitionBot.Core.Text;

/// <summary>Checks the institutional address a signer types, and whether its domain is one that proves their school.
/// Only plain ASCII addresses (name@school.edu) are accepted: institutional mail uses them, and it keeps look-alike
/// characters out.</summary>
public static class EmailAddressRules
{
    public const int MaxLength = 254;

    public const string Malformed = "That is not an email address we can use; please type it as name@school.edu.";

    /// <summary>The address trimmed and lower-cased, or the one-sentence <see cref="Malformed"/> error.</summary>
    public static FieldCheck Address(string? raw)
    {
        var value = raw?.Trim().ToLowerInvariant() ?? "";
        if (value.Length is 0 or > MaxLength)
        {
            return value.Length == 0 ? FieldCheck.Fail("Please type your school email address.") : FieldCheck.Fail(Malformed);
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at > 64)
        {
            return FieldCheck.Fail(Malformed);
        }

        return IsLocalPart(value[..at]) && IsDomain(value[(at + 1)..]) ? FieldCheck.Ok(value) : FieldCheck.Fail(Malformed);
    }

    /// <summary>The domain of a checked address ("ucsf.edu").</summary>
    public static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];

    /// <summary>True when <paramref name="domain"/> is one of <paramref name="allowed"/> or a subdomain of one
    /// ("med.umich.edu" counts for "umich.edu").</summary>
    public static bool DomainMatches(string domain, IEnumerable<string> allowed) =>
        allowed.Select(Clean).Where(a => a.Length > 0)
            .Any(a => domain == a || domain.EndsWith("." + a, StringComparison.Ordinal));

    /// <summary>A configured domain as compared: trimmed, lower case, without a leading "@" or ".".</summary>
    public static string Clean(string domain) => domain.Trim().TrimStart('@', '.').ToLowerInvariant();

    private static bool IsLocalPart(string local) =>
        local.Length is > 0 and <= 64 && local[0] != '.' && local[^1] != '.' &&
        !local.Contains("..", StringComparison.Ordinal) && local.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".Contains(c));

    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        return domain.Length <= 253 && labels.Length >= 2 &&
               labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) &&
               labels[^1].Length >= 2 && labels[^1].All(char.IsAsciiLetter);
    }
}
