namespace PetitionBot.Core.Campaigns;

/// <summary>Checks <see cref="BotOptions.Organizers"/> against the identity schemes the adapters registered: an id is
/// valid when one scheme accepts it. The message lists the shapes in registration order.</summary>
public static class OrganizerIdValidator
{
    public static IReadOnlyList<string> Validate(IReadOnlyList<string?> organizers, IReadOnlyList<IIdentityScheme> schemes)
    {
        var errors = new List<string>();
        for (var i = 0; i < organizers.Count; i++)
        {
            var id = organizers[i] ?? "";
            if (!schemes.Any(s => s.IsOrganizerId(id)))
            {
                errors.Add($"Organizers:{i} must look like {Shapes(schemes)}");
            }
        }

        return errors;
    }

    private static string Shapes(IReadOnlyList<IIdentityScheme> schemes) => schemes.Count switch
    {
        0 => "an id of a configured chat platform",
        1 => schemes[0].OrganizerIdShape,
        _ => string.Join(", ", schemes.Take(schemes.Count - 1).Select(s => s.OrganizerIdShape)) + " or " + schemes[^1].OrganizerIdShape,
    };
}
