-- Verified school email addresses (issue 14): a signature keeps only the address's keyed hash and its domain; one
-- signature per (campaign, address) across platforms; code sends counted per hashed person and per hashed address.
-- Aggregates by verification method, overall and per school.

ALTER TABLE signatures ADD COLUMN email_hash text NULL, ADD COLUMN email_domain text NULL;
CREATE UNIQUE INDEX signatures_one_per_address ON signatures (campaign_id, email_hash) WHERE email_hash IS NOT NULL;
CREATE INDEX signatures_email ON signatures (email_hash) WHERE email_hash IS NOT NULL;

CREATE TABLE email_sends (
    id       bigserial PRIMARY KEY,
    subject  text      NOT NULL,
    at_ticks bigint    NOT NULL
);
CREATE INDEX email_sends_subject ON email_sends (subject);
CREATE INDEX email_sends_time ON email_sends (at_ticks);

-- Signatures made before this version: by method, overall and per school.
INSERT INTO counters (campaign_id, kind, key, label, count)
SELECT campaign_id, 'verification', v.name, v.name, count(*)
FROM signatures JOIN (VALUES (0, 'SelfAttested'), (1, 'RoleVerified'), (2, 'SchoolEmail')) AS v(code, name) ON v.code = verification
GROUP BY campaign_id, v.name;
INSERT INTO counters (campaign_id, kind, key, label, count)
SELECT campaign_id, 'school-verification', school_key || '|' || v.name, v.name, count(*)
FROM signatures JOIN (VALUES (0, 'SelfAttested'), (1, 'RoleVerified'), (2, 'SchoolEmail')) AS v(code, name) ON v.code = verification
GROUP BY campaign_id, school_key, v.name;

-- pb_sign learned the address hash and domain here; it lives in Functions/signing.sql now.
