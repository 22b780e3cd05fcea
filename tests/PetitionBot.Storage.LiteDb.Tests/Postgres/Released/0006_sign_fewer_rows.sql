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

-- b[key] + delta, never below 0. PL/pgSQL on purpose: a SQL function called with a nested call as its argument is not
-- inlined and would be planned again on every call.
CREATE FUNCTION pb_inc(b jsonb, key text, delta integer) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN jsonb_set(COALESCE(b, '{}'::jsonb), ARRAY[key], to_jsonb(GREATEST(0, COALESCE((b ->> key)::integer, 0) + delta)));
END
$$;

-- b[kind][key] + delta, never below 0 (the kind's object is created when missing).
CREATE FUNCTION pb_bump(b jsonb, kind text, key text, delta integer) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN jsonb_set(b, ARRAY[kind], pb_inc(b -> kind, key, delta));
END
$$;

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

CREATE OR REPLACE FUNCTION pb_sign(
    p_id text, p_campaign text, p_hash text, p_platform integer, p_platform_name text, p_workspace text, p_name text,
    p_school text, p_school_key text, p_stage text, p_role text, p_verification integer, p_at bigint,
    p_day text, p_hour integer, p_campaign_milestones integer[], p_school_milestones integer[],
    p_email_hash text, p_email_domain text, p_verification_name text, p_school_id text)
RETURNS TABLE (added boolean, total integer, school_count integer, ann_id text, ann_kind integer, ann_milestone integer)
LANGUAGE plpgsql AS $$
DECLARE
    v_total integer;
    v_school integer;
    v_hours integer[] := array_fill(0, ARRAY[24]);
    v_ann text;
    m integer;
BEGIN
    -- No conflict target: a repeat by the same person and a second signature with the same verified address both
    -- change nothing.
    INSERT INTO signatures (id, campaign_id, identity_hash, platform, workspace_id, full_name, school, school_key, stage, role, verification, signed_at_ticks, email_hash, email_domain, school_id)
    VALUES (p_id, p_campaign, p_hash, p_platform, p_workspace, p_name, p_school, p_school_key, p_stage, p_role, p_verification, p_at, p_email_hash, p_email_domain, p_school_id)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN QUERY SELECT false, COALESCE((SELECT c.total FROM campaign_counters c WHERE c.campaign_id = p_campaign), 0), 0, NULL::text, NULL::integer, NULL::integer;
        RETURN;
    END IF;

    -- The campaign row first: concurrent signers of one campaign queue here, so totals and milestones are exact.
    INSERT INTO campaign_counters AS c (campaign_id, total, named, breakdown)
    VALUES (p_campaign, 1, CASE WHEN p_name IS NULL THEN 0 ELSE 1 END,
            jsonb_build_object('platform', jsonb_build_object(p_platform_name, 1), 'stage', jsonb_build_object(p_stage, 1),
                               'verification', jsonb_build_object(p_verification_name, 1)))
    ON CONFLICT (campaign_id) DO UPDATE SET total = c.total + 1, named = c.named + EXCLUDED.named,
        breakdown = pb_bump(pb_bump(pb_bump(c.breakdown, 'platform', p_platform_name, 1), 'stage', p_stage, 1), 'verification', p_verification_name, 1)
    RETURNING c.total INTO v_total;
    v_hours[p_hour + 1] := 1;
    WITH up AS (
        INSERT INTO counters AS k (campaign_id, kind, key, label, count, hours, methods) VALUES
            (p_campaign, 'school', p_school_key, p_school, 1, NULL, jsonb_build_object(p_verification_name, 1)),
            (p_campaign, 'day', p_day, p_day, 1, v_hours, NULL)
        ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = k.count + 1,
            hours = CASE WHEN k.kind = 'day' THEN k.hours[1:p_hour] || (k.hours[p_hour + 1] + 1) || k.hours[p_hour + 2:24] ELSE k.hours END,
            methods = CASE WHEN k.kind = 'school' THEN pb_inc(k.methods, p_verification_name, 1) ELSE k.methods END
        RETURNING k.kind, k.count)
    SELECT up.count INTO v_school FROM up WHERE up.kind = 'school';

    FOREACH m IN ARRAY p_campaign_milestones LOOP
        IF v_total - 1 < m AND m <= v_total THEN
            v_ann := pb_new_id();
            INSERT INTO announcements (id, unique_key, campaign_id, kind, milestone, created_at_ticks)
            VALUES (v_ann, p_campaign || '|c|' || m, p_campaign, 0, m, p_at) ON CONFLICT (unique_key) DO NOTHING;
            IF FOUND THEN
                INSERT INTO outbox (id, announcement_id, platform, workspace_id, channel_id, state, attempts, next_attempt_ticks)
                SELECT pb_new_id(), v_ann, t.platform, t.workspace_id, t.announcement_channel_id, 0, 0, p_at
                FROM (SELECT DISTINCT s.platform, s.workspace_id, s.announcement_channel_id FROM servers s
                      WHERE s.present AND s.announcement_channel_id IS NOT NULL AND s.channel_problem IS NULL
                        AND (s.default_campaign_id IS NULL OR s.default_campaign_id = p_campaign)) t;
                RETURN QUERY SELECT true, v_total, v_school, v_ann, 0, m;
            END IF;
        END IF;
    END LOOP;

    FOREACH m IN ARRAY p_school_milestones LOOP
        IF v_school - 1 < m AND m <= v_school THEN
            v_ann := pb_new_id();
            INSERT INTO announcements (id, unique_key, campaign_id, kind, milestone, school_key, created_at_ticks)
            VALUES (v_ann, p_campaign || '|s|' || p_school_key || '|' || m, p_campaign, 1, m, p_school_key, p_at) ON CONFLICT (unique_key) DO NOTHING;
            IF FOUND THEN
                INSERT INTO outbox (id, announcement_id, platform, workspace_id, channel_id, state, attempts, next_attempt_ticks)
                SELECT pb_new_id(), v_ann, t.platform, t.workspace_id, t.announcement_channel_id, 0, 0, p_at
                FROM (SELECT DISTINCT s.platform, s.workspace_id, s.announcement_channel_id FROM servers s
                      WHERE s.present AND s.announcement_channel_id IS NOT NULL AND s.channel_problem IS NULL
                        AND (s.default_campaign_id IS NULL OR s.default_campaign_id = p_campaign)
                        AND s.school_key = p_school_key) t;
                RETURN QUERY SELECT true, v_total, v_school, v_ann, 1, m;
            END IF;
        END IF;
    END LOOP;

    RETURN QUERY SELECT true, v_total, v_school, NULL::text, NULL::integer, NULL::integer;
END
$$;
