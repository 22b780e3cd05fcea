-- A cheaper signing path (issue 17): three rows and three statements per signature instead of eight of each.
-- * The small breakdowns (by platform, stage and verification method) live in the campaign's own row, as
--   breakdown = {"platform": {"Discord": n, ...}, "stage": {...}, "verification": {...}}: the row every signer locks
--   and updates anyway (concurrent signers of one campaign queue there, so totals and milestones stay exact).
-- * A school's counts by method live in its own counter row (methods = {"SelfAttested": n, ...}) instead of rows of
--   their own (kind school-verification).
-- * The school row and the day row (with its hours) are upserted by one two-row INSERT ... ON CONFLICT, which returns
--   the school's new count for school milestones.
-- Same counts as before; the existing platform/stage/verification and school-verification rows move here.

ALTER TABLE campaign_counters ADD COLUMN breakdown jsonb NOT NULL DEFAULT '{}';
ALTER TABLE counters ADD COLUMN methods jsonb NULL;

UPDATE campaign_counters c SET breakdown = t.breakdown
FROM (SELECT campaign_id, jsonb_object_agg(kind, keys) AS breakdown
      FROM (SELECT campaign_id, kind, jsonb_object_agg(key, count) AS keys FROM counters
            WHERE kind IN ('platform', 'stage', 'verification') GROUP BY campaign_id, kind) k
      GROUP BY campaign_id) t
WHERE c.campaign_id = t.campaign_id;

-- A school-verification row's key is the school key, '|', and the method (its label).
UPDATE counters s SET methods = t.methods
FROM (SELECT campaign_id, left(key, length(key) - length(label) - 1) AS school_key, jsonb_object_agg(label, count) AS methods
      FROM counters WHERE kind = 'school-verification' GROUP BY 1, 2) t
WHERE s.kind = 'school' AND s.campaign_id = t.campaign_id AND s.key = t.school_key;

DELETE FROM counters WHERE kind IN ('platform', 'stage', 'verification', 'school-verification');

-- pb_inc, pb_bump and the cheaper pb_sign were defined here; they live in Functions/signing.sql now.
