-- Optional second factor (TOTP, RFC 6238) for administrators and inspection staff. The shared secret is
-- encrypted at rest with the data key (AES-GCM, FieldCipher); the last accepted time step refuses a replayed code.
ALTER TABLE app_user
  ADD COLUMN totp_secret    bytea,
  ADD COLUMN totp_enabled   boolean NOT NULL DEFAULT false,
  ADD COLUMN totp_last_step bigint,
  ADD CONSTRAINT app_user_totp_secret CHECK (NOT totp_enabled OR totp_secret IS NOT NULL);
