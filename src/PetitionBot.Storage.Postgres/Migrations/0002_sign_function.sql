-- Version 2 defined pb_sign (the signing path in one statement). The signing functions now live in
-- Functions/signing.sql, applied after the versioned migrations whenever it changes; nothing is left to do here.
SELECT 1;
