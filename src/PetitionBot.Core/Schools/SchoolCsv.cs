using System.Text;

namespace PetitionBot.Core.Schools;

/// <summary>Reads the directory's CSV text (<c>id,name,kind,state,email_domains,aliases</c>; lists <c>;</c>-separated;
/// RFC 4180 quoting). Pure: the host reads the file. A bad line throws <see cref="FormatException"/> naming the line.</summary>
public static class SchoolCsv
{
    public const string Header = "id,name,kind,state,email_domains,aliases";

    public static IReadOnlyList<School> Parse(string text)
    {
        var schools = new List<School>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sawHeader = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (!sawHeader)
            {
                sawHeader = true;
                if (!string.Equals(string.Join(',', Split(line, number).Select(f => f.Trim())), Header, StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"line {number}: the first line must be the header \"{Header}\".");
                }

                continue;
            }

            var fields = Split(line, number);
            if (fields.Count != 6)
            {
                throw new FormatException($"line {number}: expected 6 fields ({Header}), found {fields.Count}.");
            }

            var school = Create(fields[0], fields[1], fields[2], fields[3], List(fields[4]), List(fields[5]), out var problem);
            if (school is null)
            {
                throw new FormatException($"line {number}: {problem}");
            }

            if (!ids.Add(school.Id))
            {
                throw new FormatException($"line {number}: the id \"{school.Id}\" appears twice.");
            }

            schools.Add(school);
        }

        return schools;
    }

    /// <summary>Checks and builds one school (also for the <c>Schools</c> configuration entries); null with a reason.</summary>
    public static School? Create(string? id, string? name, string? kind, string? state, IEnumerable<string>? domains, IEnumerable<string>? aliases, out string problem)
    {
        id = id?.Trim() ?? "";
        name = name?.Trim() ?? "";
        problem = "";
        if (id.Length is 0 or > 40 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || id == School.OtherId)
        {
            problem = $"the id \"{id}\" must be 1-40 letters, digits, '-' or '_' (and not \"{School.OtherId}\").";
            return null;
        }

        if (name.Length is 0 or > 150)
        {
            problem = $"the school \"{id}\" needs a name of 1-150 characters.";
            return null;
        }

        if (!Enum.TryParse<SchoolKind>(kind?.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
        {
            problem = $"the school \"{id}\" has kind \"{kind}\"; use MD or DO.";
            return null;
        }

        var domainList = (domains ?? []).Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).Where(d => d.Length > 0).Distinct().ToList();
        if (domainList.FirstOrDefault(d => !d.Contains('.', StringComparison.Ordinal) || d.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))) is { } bad)
        {
            problem = $"the school \"{id}\" has an email domain \"{bad}\" that is not a domain name.";
            return null;
        }

        var aliasList = (aliases ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new School(id, name, parsed, state?.Trim().ToUpperInvariant() ?? "", domainList, aliasList);
    }

    private static List<string> List(string field) =>
        field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static List<string> Split(string line, int number)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"line {number}: a quoted field is not closed.");
        }

        fields.Add(current.ToString());
        return fields;
    }
}
