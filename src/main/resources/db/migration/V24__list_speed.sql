-- Speed at province and country scale (issue 9).

-- The member list in Vietnamese order (given name, then full name) read from an index, so
-- that the first page of 260,000 members is not a sort of all of them.
CREATE INDEX member_vi_order_idx ON member ((regexp_replace(full_name, '^.*\s', '') COLLATE vi_vn),
  (full_name COLLATE vi_vn), id);

-- A version of the member counts: bumped once by every transaction that changes a
-- placement or a status, at its commit (a deferred trigger, so the row is locked only
-- while committing and never in the middle of a transaction's other locks). Readers that
-- keep member counts per date in memory compare the version they computed under with
-- the current one; a reader reads the version before the counts, so counts are never
-- older than their version.
CREATE TABLE member_count_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint  NOT NULL
);
INSERT INTO member_count_version (id, version) VALUES (true, 0);

CREATE FUNCTION member_count_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('capuy.member_count_bumped', true) IS DISTINCT FROM 'on' THEN
    UPDATE member_count_version SET version = version + 1;
    PERFORM set_config('capuy.member_count_bumped', 'on', true);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER membership_count_version AFTER INSERT OR UPDATE OR DELETE ON membership
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION member_count_version_bump();
CREATE CONSTRAINT TRIGGER member_status_count_version AFTER INSERT OR UPDATE OR DELETE ON member_status
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION member_count_version_bump();
