-- Users, their grants (role x organisation subtree, dated), and the lock-out counters.
CREATE TABLE app_user (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username        text        NOT NULL UNIQUE,
  password_hash   text        NOT NULL,
  display_name    text        NOT NULL,
  member_id       bigint      REFERENCES member (id),
  clearance       text        NOT NULL DEFAULT 'NONE' CHECK (clearance IN ('NONE', 'MAT', 'TOI_MAT', 'TUYET_MAT')),
  enabled         boolean     NOT NULL DEFAULT true,
  failed_count    integer     NOT NULL DEFAULT 0,
  first_failed_at timestamptz,
  locked_until    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer     NOT NULL DEFAULT 0
);

CREATE TABLE user_grant (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id         bigint NOT NULL REFERENCES app_user (id),
  role            text   NOT NULL CHECK (role IN ('ADMINISTRATOR', 'OFFICE', 'ORGANIZATION_BOARD', 'INSPECTION',
                                                  'LEADER', 'SECRETARY', 'CLERK')),
  -- NULL: the whole system (administrators only)
  organization_id bigint REFERENCES organization (id),
  valid_from      date   NOT NULL,
  valid_to        date,
  granted_by      text   NOT NULL,
  reason          text,
  CHECK (organization_id IS NOT NULL OR role = 'ADMINISTRATOR'),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX user_grant_user_idx ON user_grant (user_id);
