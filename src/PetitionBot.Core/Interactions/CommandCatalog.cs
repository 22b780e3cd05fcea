namespace PetitionBot.Core.Interactions;

/// <summary>Every command PetitionBot offers. Adapters register exactly these, with these option names.</summary>
public static class CommandCatalog
{
    public const string Sign = "sign";
    public const string Unsign = "unsign";
    public const string Petition = "petition";
    public const string MyData = "mydata";
    public const string Totals = "totals";
    public const string Update = "update";
    public const string Export = "export";
    public const string Setup = "setup";
    public const string Help = "help";
    public const string Respond = "respond";
    public const string Delivered = "delivered";

    public const string CampaignOption = "campaign";
    public const string ChannelOption = "channel";
    public const string LeaderRoleOption = "leader_role";
    public const string VerifiedRoleOption = "verified_role";
    public const string StrictOption = "strict";
    public const string SchoolOption = "school";
    public const string FormatOption = "format";
    public const string RecipientOption = "recipient";
    public const string DateOption = "date";
    public const string TextOption = "text";
    public const string LinkOption = "link";

    private static readonly CommandOption CampaignChoice = new(CampaignOption, "Which campaign (when more than one is open)", OptionKind.Campaign);

    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        new(Sign, "Sign the petition (medical students and resident physicians)",
            [CampaignChoice, new(SchoolOption, "Your school (pick from the list, or type it)", OptionKind.School, MaxLength: 100)]),
        new(Unsign, "Withdraw your signature and delete its data", [CampaignChoice]),
        new(Petition, "What the petition asks, the link, and progress so far", [CampaignChoice]),
        new(MyData, "See what PetitionBot stores about you, and delete it", []),
        new(Totals, "Signature totals (chapter leaders: your school; organizers: full breakdown)", [CampaignChoice], MayBeSlow: true),
        new(Update, "Post an update to this server's announcement channel (chapter leaders)", [CampaignChoice], OpensForm: true),
        new(Export, "Export the signer list as CSV or the delivery packet as PDF (organizers)",
            [CampaignChoice, new(FormatOption, "csv (default) or pdf (the delivery packet)", OptionKind.Text, MaxLength: 3, Choices: ["csv", "pdf"])], MayBeSlow: true),
        new(Respond, "Record a recipient's response; it is announced to every server (organizers)",
        [
            new(RecipientOption, "Who responded, e.g. AAMC", OptionKind.Text, Required: true, MaxLength: 100),
            new(DateOption, "When, as YYYY-MM-DD (default today)", OptionKind.Text, MaxLength: 10),
            new(TextOption, "What they said (at most 1,500 characters)", OptionKind.Text, MaxLength: 1500),
            new(LinkOption, "Or a link to their response (https://)", OptionKind.Text, MaxLength: 500),
            CampaignChoice,
        ]),
        new(Delivered, "Mark the petition delivered; it is announced and opted-in signers are told (organizers)",
        [
            new(DateOption, "When, as YYYY-MM-DD (default today)", OptionKind.Text, MaxLength: 10),
            new(LinkOption, "Optional link (https://) to the delivery letter or press release", OptionKind.Text, MaxLength: 500),
            CampaignChoice,
        ]),
        new(Setup, "Configure PetitionBot for this server (server admins)",
        [
            new(ChannelOption, "Channel for announcements and updates", OptionKind.Channel),
            new(LeaderRoleOption, "Role (Slack: user group) of chapter leaders", OptionKind.Role),
            new(VerifiedRoleOption, "Role (Slack: user group) of verified medical students/residents", OptionKind.Role),
            new(StrictOption, "Only members with the verified role may sign", OptionKind.Boolean),
            new(SchoolOption, "Your school (pick from the list; other: <name> for one the list lacks)", OptionKind.School, MaxLength: 100),
            new(CampaignOption, "Default campaign for this server", OptionKind.Campaign),
        ], AdminOnlyByDefault: true),
    ];

    public static CommandSpec? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
