-- A version of the data shown by summaries (the home page's figures and alerts): moved on
-- once by every transaction that writes any table of the register, the rule book or a
-- module, at its commit. Summaries kept in memory are kept under the version they were
-- computed at and computed again when it moved; every node of a cluster reads the same
-- version.
--
-- Cost: a statement-level trigger on each table marks the transaction (once, whatever
-- the number of rows: an import of 200,000 rows pays once), and a deferred trigger moves
-- the version at commit, so the version's row is locked only while committing.
--
-- Tables that change on their own (sessions, audit, scheduler, job progress, log-in
-- counters) do not move it: their writes change no figure. HomeFiguresCacheTests fails
-- when a table is neither watched nor listed here, so a new table cannot be forgotten:
-- a migration that creates a table calls data_version_watch('the_table').
CREATE TABLE data_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint  NOT NULL
);
INSERT INTO data_version (id, version) VALUES (true, 0);

-- one row per writing transaction, inserted by its first write and deleted at its commit
CREATE TABLE data_version_pending (
  txid bigint NOT NULL
);

CREATE FUNCTION data_version_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('capuy.data_version_marked', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO data_version_pending (txid) VALUES (txid_current());
    PERFORM set_config('capuy.data_version_marked', 'on', true);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1;
  DELETE FROM data_version_pending WHERE txid = NEW.txid;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER data_version_bump AFTER INSERT ON data_version_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();

-- the tables whose writes change no figure
CREATE FUNCTION data_version_exempt(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT t IN ('flyway_schema_history', 'data_version', 'data_version_pending', 'member_count_version',
               'spring_session', 'spring_session_attributes', 'audit_log', 'scheduled_run', 'background_job',
               'import_run', 'app_user')
$$;

-- puts the marking trigger on a table (idempotent); later migrations call it for their new tables
CREATE FUNCTION data_version_watch(t text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS data_version ON %I', t);
  EXECUTE format('CREATE TRIGGER data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                 'FOR EACH STATEMENT EXECUTE FUNCTION data_version_mark()', t);
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = current_schema() AND c.relkind = 'r' AND NOT data_version_exempt(c.relname)
  LOOP
    PERFORM data_version_watch(t);
  END LOOP;
END
$$;
