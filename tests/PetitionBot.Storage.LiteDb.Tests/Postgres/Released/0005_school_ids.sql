-- School ids (issue 14), as on the LiteDB store: every signature and server records the directory id of its school
-- ("other" when the directory does not know it; the typed text stays in `school`). NULL: written before this version;
-- the start-up school migration (PostgresSchoolMaintenance) resolves those against the directory and rebuilds the
-- school counters. school_key (what totals, ranks and school milestones count by) is the id, or other:<folded text>.

ALTER TABLE signatures ADD COLUMN school_id text NULL;
ALTER TABLE servers ADD COLUMN school_id text NULL;

-- What the start-up migration and `petitionbot schools other|map` look at: signatures without a directory school.
CREATE INDEX signatures_school_unresolved ON signatures (school_key) WHERE school_id IS NULL OR school_id IN ('', 'other');

DROP FUNCTION pb_sign(text, text, text, integer, text, text, text, text, text, text, text, integer, bigint, text, integer, integer[], integer[], text, text, text);

CREATE FUNCTION pb_sign(
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
    INSERT INTO campaign_counters AS c (campaign_id, total, named) VALUES (p_campaign, 1, CASE WHEN p_name IS NULL THEN 0 ELSE 1 END)
    ON CONFLICT (campaign_id) DO UPDATE SET total = c.total + 1, named = c.named + EXCLUDED.named
    RETURNING c.total INTO v_total;
    INSERT INTO counters AS k (campaign_id, kind, key, label, count) VALUES (p_campaign, 'school', p_school_key, p_school, 1)
    ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = k.count + 1
    RETURNING k.count INTO v_school;
    v_hours[p_hour + 1] := 1;
    INSERT INTO counters AS k (campaign_id, kind, key, label, count, hours) VALUES (p_campaign, 'day', p_day, p_day, 1, v_hours)
    ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = k.count + 1, hours[p_hour + 1] = k.hours[p_hour + 1] + 1;
    INSERT INTO counters AS k (campaign_id, kind, key, label, count) VALUES (p_campaign, 'platform', p_platform_name, p_platform_name, 1)
    ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = k.count + 1;
    INSERT INTO counters AS k (campaign_id, kind, key, label, count) VALUES (p_campaign, 'stage', p_stage, p_stage, 1)
    ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = k.count + 1;
    INSERT INTO counters AS k (campaign_id, kind, key, label, count) VALUES (p_campaign, 'verification', p_verification_name, p_verification_name, 1)
    ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = k.count + 1;
    INSERT INTO counters AS k (campaign_id, kind, key, label, count)
    VALUES (p_campaign, 'school-verification', p_school_key || '|' || p_verification_name, p_verification_name, 1)
    ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = k.count + 1;

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
