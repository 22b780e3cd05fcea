-- School ids (issue 14), as on the LiteDB store: every signature and server records the directory id of its school
-- ("other" when the directory does not know it; the typed text stays in `school`). NULL: written before this version;
-- the start-up school migration (PostgresSchoolMaintenance) resolves those against the directory and rebuilds the
-- school counters. school_key (what totals, ranks and school milestones count by) is the id, or other:<folded text>.

ALTER TABLE signatures ADD COLUMN school_id text NULL;
ALTER TABLE servers ADD COLUMN school_id text NULL;

-- What the start-up migration and `petitionbot schools other|map` look at: signatures without a directory school.
CREATE INDEX signatures_school_unresolved ON signatures (school_key) WHERE school_id IS NULL OR school_id IN ('', 'other');

-- pb_sign learned the school id here; it lives in Functions/signing.sql now.
