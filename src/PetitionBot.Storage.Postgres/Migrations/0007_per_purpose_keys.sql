-- Per-purpose keys (issue 13, item 1). Audit actors, draft owners and draft payloads now have keys of their own, derived
-- from the one secret with HKDF and a label each; until now the audit actor and the draft owner were hashed with the
-- signature identity's key, so a copy of the database linked a leader's /setup and /update rows to their signature.
-- The raw identities are not stored, so the old actor hashes cannot be re-keyed: the actor is removed (the entries
-- stay). Drafts live 15 minutes: the old ones are dropped. Tokens are re-encrypted by the process at start
-- (PrivacyUpgrade), which needs the key.
ALTER TABLE audit ALTER COLUMN actor_hash DROP NOT NULL;
UPDATE audit SET actor_hash = NULL;
CREATE INDEX IF NOT EXISTS audit_actor ON audit (actor_hash);
DELETE FROM drafts;
