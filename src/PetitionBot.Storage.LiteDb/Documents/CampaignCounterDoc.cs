namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>The campaign-wide aggregates: one small document per campaign, updated with every signature.</summary>
internal sealed class CampaignCounterDoc
{
    public string Id { get; set; } = "";

    public int Total { get; set; }

    public int Named { get; set; }

    public Dictionary<string, int> ByPlatform { get; set; } = [];

    public Dictionary<string, int> ByStage { get; set; } = [];

    /// <summary>Signatures by <c>Verification</c> name (SchoolEmail, RoleVerified, SelfAttested).</summary>
    public Dictionary<string, int> ByVerification { get; set; } = [];
}
