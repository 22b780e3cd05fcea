namespace PetitionBot.Storage.Postgres;

/// <summary>How one LiteDB collection maps onto one table: field names (as the LiteDB documents name them) beside column
/// names, in the same order. Aggregates are not copied: they are rebuilt from the signatures.</summary>
public sealed record CopiedCollection(string Name, string Table, IReadOnlyList<string> Fields, IReadOnlyList<string> Columns)
{
    public static IReadOnlyList<CopiedCollection> All { get; } =
    [
        Map("signatures", "signatures", "Id:id CampaignId:campaign_id IdentityHash:identity_hash Platform:platform WorkspaceId:workspace_id FullName:full_name School:school SchoolKey:school_key Stage:stage Role:role Verification:verification SignedAtTicks:signed_at_ticks EmailHash:email_hash EmailDomain:email_domain SchoolId:school_id"),
        Map("announcements", "announcements", "Id:id UniqueKey:unique_key CampaignId:campaign_id Kind:kind Milestone:milestone SchoolKey:school_key Title:title Text:text CreatedAtTicks:created_at_ticks"),
        Map("outbox", "outbox", "Id:id AnnouncementId:announcement_id Platform:platform WorkspaceId:workspace_id ChannelId:channel_id State:state Attempts:attempts NextAttemptTicks:next_attempt_ticks LastError:last_error"),
        Map("servers", "servers", "Id:id Platform:platform WorkspaceId:workspace_id Name:name Present:present AnnouncementChannelId:announcement_channel_id LeaderRoleId:leader_role_id VerifiedRoleId:verified_role_id Strict:strict School:school DefaultCampaignId:default_campaign_id ChannelProblem:channel_problem AdminNoticePending:admin_notice_pending UpdatedAtTicks:updated_at_ticks SchoolId:school_id"),
        Map("drafts", "drafts", "Id:id Flow:flow OwnerHash:owner_hash CampaignId:campaign_id Step:step Payload:payload ExpiresAtTicks:expires_at_ticks"),
        Map("audit", "audit", "Id:id Action:action ActionKey:action_key Platform:platform WorkspaceId:workspace_id ActorHash:actor_hash Detail:detail AtTicks:at_ticks"),
        Map("email_sends", "email_sends", "Id:id Subject:subject AtTicks:at_ticks"),
        Map("responses", "responses", "Id:id CampaignId:campaign_id Recipient:recipient RespondedOnDayNumber:responded_on_day Text:text Link:link RecordedAtTicks:recorded_at_ticks"),
        Map("installations", "installations", "Id:id Platform:platform WorkspaceId:workspace_id TokenCipher:token_cipher BotUserId:bot_user_id WorkspaceName:workspace_name InstalledAtTicks:installed_at_ticks"),
        Map("subscriptions", "subscriptions", "Id:id CampaignId:campaign_id OwnerHash:owner_hash Platform:platform WorkspaceId:workspace_id UserCipher:user_cipher CreatedAtTicks:created_at_ticks ExpiresAtTicks:expires_at_ticks"),
    ];

    private static CopiedCollection Map(string name, string table, string pairs)
    {
        var split = pairs.Split(' ').Select(p => p.Split(':')).ToList();
        return new CopiedCollection(name, table, split.Select(p => p[0]).ToList(), split.Select(p => p[1]).ToList());
    }
}
