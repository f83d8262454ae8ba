-- Citizen ID and phone are encrypted at rest (AES-GCM, key from the environment) and citizen IDs are matched
-- through a keyed hash. The plaintext columns stay only until start-up has encrypted existing rows, and must then
-- be empty.
ALTER TABLE member ADD COLUMN citizen_id_enc bytea;
ALTER TABLE member ADD COLUMN citizen_id_hmac text;
ALTER TABLE member ADD COLUMN phone_enc bytea;
DROP INDEX IF EXISTS member_citizen_id_idx;
CREATE UNIQUE INDEX member_citizen_id_hmac_idx ON member (citizen_id_hmac) WHERE citizen_id_hmac IS NOT NULL;
COMMENT ON COLUMN member.citizen_id IS 'legacy plaintext: emptied at start-up once encrypted into citizen_id_enc';
COMMENT ON COLUMN member.phone IS 'legacy plaintext: emptied at start-up once encrypted into phone_enc';
