-- Cross-cutting: extensions, Vietnamese collation, search folding, the append-only audit log, HTTP sessions.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Sorting names the Vietnamese way (ICU). Queries write ORDER BY name COLLATE vi_vn.
CREATE COLLATION IF NOT EXISTS vi_vn (provider = icu, locale = 'vi-VN');

-- The append-only audit log of every write: who, when, what, before and after.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text        NOT NULL,
  action      text        NOT NULL,
  entity      text        NOT NULL,
  entity_id   text,
  before_data jsonb,
  after_data  jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Spring Session JDBC (it does not create its tables on PostgreSQL by itself).
CREATE TABLE spring_session (
  primary_id            char(36) NOT NULL,
  session_id            char(36) NOT NULL,
  creation_time         bigint   NOT NULL,
  last_access_time      bigint   NOT NULL,
  max_inactive_interval int      NOT NULL,
  expiry_time           bigint   NOT NULL,
  principal_name        varchar(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
  session_primary_id char(36)     NOT NULL,
  attribute_name     varchar(200) NOT NULL,
  attribute_bytes    bytea        NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
    REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Background jobs (sample loading, imports, report generation) with their progress, shared by all nodes.
CREATE TABLE background_job (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text        NOT NULL,
  status      text        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
  done_units  bigint      NOT NULL DEFAULT 0,
  total_units bigint      NOT NULL DEFAULT 0,
  message     text,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  started_by  text        NOT NULL
);
