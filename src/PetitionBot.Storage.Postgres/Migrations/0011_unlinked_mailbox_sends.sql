-- Code sends were counted per address under "a:" and the address's email hash: the value a verified signature keeps in
-- email_hash, so a send's exact time dated that signature, though a counted-only row keeps its date only. Sends are now
-- counted under "m:" and a hash of their own (SecretKeys.EmailSendSubjects); the old rows go. Those addresses' sends of
-- the last hour are forgotten; their people's ("p:") are still counted.
DELETE FROM email_sends WHERE subject LIKE 'a:%';
