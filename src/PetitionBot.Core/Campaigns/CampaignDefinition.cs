namespace PetitionBot.Core.Campaigns;

/// <summary>A campaign as configured under <c>Campaigns:N</c>. Mutable for configuration binding; validated at start.</summary>
public sealed class CampaignDefinition
{
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>The public petition for people who are not eligible (e.g. Change.org).</summary>
    public string ExternalUrl { get; set; } = "";

    /// <summary>Who may sign, e.g. "Medical student", "Resident physician".</summary>
    public List<string> EligibleRoles { get; set; } = [];

    /// <summary>Training stages a signer picks from.</summary>
    public List<string> Stages { get; set; } = [];

    public int Goal { get; set; }

    /// <summary>Which stages each eligible role may pick (<c>Campaigns:N:RoleStages:&lt;role&gt;</c>); a role not listed gets
    /// the defaults of <see cref="Core.Campaigns.RoleStages"/>.</summary>
    public Dictionary<string, List<string>> RoleStages { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Campaign-wide totals that trigger an announcement to every server.</summary>
    public List<int> Milestones { get; set; } = [];

    /// <summary>Per-school totals announced to that school's servers.</summary>
    public List<int> SchoolMilestones { get; set; } = [];

    /// <summary>The organizations the signatures are delivered to.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>After this instant nobody can sign.</summary>
    public DateTimeOffset? ClosesAt { get; set; }

    /// <summary>The organizers' sign-off under the delivery packet's cover letter.</summary>
    public string SignOff { get; set; } = "";

    /// <summary>The delivery packet's paper: "Letter" (default) or "A4".</summary>
    public string PaperSize { get; set; } = "Letter";

    /// <summary><c>none</c> (default), <c>email</c> or <c>email-required</c>; see <see cref="VerificationMode"/>.</summary>
    public string Verification { get; set; } = "none";

    /// <summary>Extra institutional mail domains accepted for this campaign (e.g. teaching hospitals for residents).</summary>
    public List<string> EmailDomains { get; set; } = [];

    /// <summary><c>Campaigns:N:Notifications</c>: offer signers one private message when the petition is delivered or a
    /// recipient responds (default false).</summary>
    public bool Notifications { get; set; }

    /// <summary>The parsed <see cref="Verification"/>; null when the value is not one of the three (the validator names the key).</summary>
    public Core.Email.VerificationMode? VerificationMode => Verification.Trim().ToLowerInvariant() switch
    {
        "" or "none" => Core.Email.VerificationMode.None,
        "email" => Core.Email.VerificationMode.Email,
        "email-required" => Core.Email.VerificationMode.EmailRequired,
        _ => null,
    };

    public static IReadOnlyList<string> DefaultStages { get; } =
        ["MS1", "MS2", "MS3", "MS4", "PGY1", "PGY2", "PGY3", "PGY4", "PGY5", "PGY6", "PGY7", "Fellow"];

    public static IReadOnlyList<int> DefaultSchoolMilestones { get; } = [10, 25, 50, 100, 250];

    public IReadOnlyList<string> EffectiveStages => Stages.Count > 0 ? Stages : DefaultStages;

    public IReadOnlyList<int> EffectiveSchoolMilestones => SchoolMilestones.Count > 0 ? SchoolMilestones : DefaultSchoolMilestones;

    public bool IsClosed(DateTimeOffset now) => ClosesAt is { } closes && now >= closes;
}
