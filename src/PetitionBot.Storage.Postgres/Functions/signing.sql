-- The signing functions, defined in this one place (not in the versioned migrations). SchemaMigrator runs this file
-- after the versioned migrations, under the same advisory lock and in one transaction, whenever its SHA-256 differs from
-- the one recorded in schema_functions: a database migrated by the old chain (where 0002, 0003, 0005 and 0006 each
-- defined pb_sign) and a fresh one end with the same functions. Change a function here, never in a migration; a
-- migration that needs new columns for it just adds them (this file runs after every migration).
--
-- pb_sign: the signing path in one round trip: the signature and every aggregate in one statement, so in one
-- transaction even in autocommit. Milestones are the core's (PetitionBot.Core.Announcements): p_campaign_milestones /
-- p_school_milestones hold the counts at which a signature crosses one, and reaching such a count aborts the statement
-- with SQLSTATE PBM01; the store then redoes that signature in an explicit transaction (pb_sign with empty arrays, the
-- core's announcements, COMMIT). Returns one summary row (ann_* NULL). added = false: already signed, nothing changed.

-- Every pb_sign there is (older versions had other parameter lists) goes, so exactly the one below remains.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE p.proname = 'pb_sign' AND n.nspname = current_schema() LOOP
        EXECUTE 'DROP FUNCTION ' || f::text;
    END LOOP;
END
$$;

-- A random 16-hex-digit id.
CREATE OR REPLACE FUNCTION pb_new_id() RETURNS text LANGUAGE sql VOLATILE AS
$$ SELECT substr(replace(gen_random_uuid()::text, '-', ''), 1, 16) $$;

-- b[key] + delta, never below 0. PL/pgSQL on purpose: a SQL function called with a nested call as its argument is not
-- inlined and would be planned again on every call.
CREATE OR REPLACE FUNCTION pb_inc(b jsonb, key text, delta integer) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN jsonb_set(COALESCE(b, '{}'::jsonb), ARRAY[key], to_jsonb(GREATEST(0, COALESCE((b ->> key)::integer, 0) + delta)));
END
$$;

-- b[kind][key] + delta, never below 0 (the kind's object is created when missing).
CREATE OR REPLACE FUNCTION pb_bump(b jsonb, kind text, key text, delta integer) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN jsonb_set(b, ARRAY[kind], pb_inc(b -> kind, key, delta));
END
$$;

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

    -- The campaign row first: concurrent signers of one campaign queue here, so totals and milestones are exact. A plain
    -- UPDATE while the row exists (all but the campaign's first signature): cheaper than INSERT … ON CONFLICT, which
    -- probes the unique index before it updates; the upsert stays for the first signature (and a race to create it).
    UPDATE campaign_counters AS c SET total = c.total + 1, named = c.named + CASE WHEN p_name IS NULL THEN 0 ELSE 1 END,
        breakdown = pb_bump(pb_bump(pb_bump(c.breakdown, 'platform', p_platform_name, 1), 'stage', p_stage, 1), 'verification', p_verification_name, 1)
    WHERE c.campaign_id = p_campaign
    RETURNING c.total INTO v_total;
    IF NOT FOUND THEN
        INSERT INTO campaign_counters AS c (campaign_id, total, named, breakdown)
        VALUES (p_campaign, 1, CASE WHEN p_name IS NULL THEN 0 ELSE 1 END,
                jsonb_build_object('platform', jsonb_build_object(p_platform_name, 1), 'stage', jsonb_build_object(p_stage, 1),
                                   'verification', jsonb_build_object(p_verification_name, 1)))
        ON CONFLICT (campaign_id) DO UPDATE SET total = c.total + 1, named = c.named + EXCLUDED.named,
            breakdown = pb_bump(pb_bump(pb_bump(c.breakdown, 'platform', p_platform_name, 1), 'stage', p_stage, 1), 'verification', p_verification_name, 1)
        RETURNING c.total INTO v_total;
    END IF;

    -- The school's row, then the day's: an UPDATE while the row exists, the upsert when it does not (yet).
    UPDATE counters AS k SET count = k.count + 1, methods = pb_inc(k.methods, p_verification_name, 1)
    WHERE k.campaign_id = p_campaign AND k.kind = 'school' AND k.key = p_school_key
    RETURNING k.count INTO v_school;
    IF NOT FOUND THEN
        INSERT INTO counters AS k (campaign_id, kind, key, label, count, hours, methods)
        VALUES (p_campaign, 'school', p_school_key, p_school, 1, NULL, jsonb_build_object(p_verification_name, 1))
        ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = k.count + 1, methods = pb_inc(k.methods, p_verification_name, 1)
        RETURNING k.count INTO v_school;
    END IF;

    UPDATE counters AS k SET count = k.count + 1, hours[p_hour + 1] = k.hours[p_hour + 1] + 1
    WHERE k.campaign_id = p_campaign AND k.kind = 'day' AND k.key = p_day;
    IF NOT FOUND THEN
        v_hours[p_hour + 1] := 1;
        INSERT INTO counters AS k (campaign_id, kind, key, label, count, hours, methods)
        VALUES (p_campaign, 'day', p_day, p_day, 1, v_hours, NULL)
        ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = k.count + 1, hours[p_hour + 1] = k.hours[p_hour + 1] + 1;
    END IF;

    -- The new counts reach one the core named as crossing a milestone: undo everything; the store signs again in its
    -- own transaction and writes the milestone's announcement (decided, worded and addressed by the core) before it
    -- commits. Every other signature stays one statement.
    IF v_total = ANY(p_campaign_milestones) OR v_school = ANY(p_school_milestones) THEN
        RAISE EXCEPTION 'milestone reached' USING ERRCODE = 'PBM01';
    END IF;

    RETURN QUERY SELECT true, v_total, v_school, NULL::text, NULL::integer, NULL::integer;
END
$$;
