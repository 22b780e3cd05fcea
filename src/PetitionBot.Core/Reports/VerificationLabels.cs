using System.Text;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Reports;

/// <summary>How a verification method reads in exports and public pages. Any value reads sensibly, including ones added
/// later (e.g. SchoolEmail → "school email").</summary>
public static class VerificationLabels
{
    public static string Label(Verification verification) => verification switch
    {
        Verification.SelfAttested => "self-attested",
        Verification.RoleVerified => "server role",
        _ => Words(verification.ToString()),
    };

    /// <summary>"SchoolEmail" → "school email"; a number (an unnamed value) stays as it is.</summary>
    internal static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    }
}
