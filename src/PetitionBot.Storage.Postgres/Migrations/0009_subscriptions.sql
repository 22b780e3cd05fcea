-- Notification opt-ins (Campaigns:N:Notifications): the platform user id only as AES-GCM ciphertext under its own derived
-- key, the identity only as an HMAC under its own derived key; deleted by the purge 30 days after the campaign closes.
CREATE TABLE subscriptions (
    id                text    PRIMARY KEY,
    campaign_id       text    NOT NULL,
    owner_hash        text    NOT NULL,
    platform          integer NOT NULL,
    workspace_id      text    NOT NULL,
    user_cipher       bytea   NOT NULL,
    created_at_ticks  bigint  NOT NULL,
    expires_at_ticks  bigint  NULL,
    UNIQUE (campaign_id, owner_hash)
);
CREATE INDEX subscriptions_owner ON subscriptions (owner_hash);
