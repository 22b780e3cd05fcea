namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>A notification opt-in. <see cref="UserCipher"/> is the platform user id under the opt-ins' own AES-GCM key;
/// <see cref="OwnerHash"/> is the identity under the opt-ins' own HMAC key; <see cref="Key"/> (campaign|owner) is unique.</summary>
internal sealed class SubscriptionDoc
{
    public string Id { get; set; } = "";

    public string Key { get; set; } = "";

    public string CampaignId { get; set; } = "";

    public string OwnerHash { get; set; } = "";

    public int Platform { get; set; }

    /// <summary>The core's server id (<c>ServerRef.ServerId</c>), under the field name the database files already use.</summary>
    public string WorkspaceId { get; set; } = "";

    public byte[] UserCipher { get; set; } = [];

    public long CreatedAtTicks { get; set; }

    public long? ExpiresAtTicks { get; set; }
}
