-- The member register: the interoperable minimum record, dated placement in cells, dated status history.
CREATE TABLE ethnicity (
  code       text PRIMARY KEY,
  name       text NOT NULL,
  other_names text,
  source     text NOT NULL
);
CREATE TABLE religion (
  code       text PRIMARY KEY,
  name       text NOT NULL,
  source     text NOT NULL
);
-- Provinces before and after the 1 July 2025 merger (Nghị quyết 202/2025/QH15).
CREATE TABLE province (
  code       text NOT NULL,
  name       text NOT NULL,
  valid_from date NOT NULL,
  valid_to   date,
  successor_code text,
  source     text NOT NULL,
  PRIMARY KEY (code, valid_from)
);

CREATE TABLE member (
  id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  full_name                text    NOT NULL,
  birth_name               text,
  search_key               text    NOT NULL,
  sex                      text    NOT NULL CHECK (sex IN ('NAM', 'NU')),
  date_of_birth            date    NOT NULL,
  place_of_birth           text,
  place_of_birth_province  text,
  home_town                text,
  home_town_province       text,
  home_town_province_today text,
  ethnicity_code           text    REFERENCES ethnicity (code),
  religion_code            text    REFERENCES religion (code),
  citizen_id               text,
  phone                    text,
  education                text,
  political_theory         text    CHECK (political_theory IN ('SO_CAP', 'TRUNG_CAP', 'CAO_CAP', 'CU_NHAN')),
  admission_decision_date  date,
  admission_ceremony_date  date,
  full_membership_date     date,
  party_card_number        text,
  life_history_number      text,
  created_at               timestamptz NOT NULL DEFAULT now(),
  version                  integer NOT NULL DEFAULT 0
);
CREATE INDEX member_search_idx ON member USING gin (search_key gin_trgm_ops);
CREATE UNIQUE INDEX member_card_idx ON member (party_card_number) WHERE party_card_number IS NOT NULL;
CREATE UNIQUE INDEX member_life_history_idx ON member (life_history_number) WHERE life_history_number IS NOT NULL;
CREATE UNIQUE INDEX member_citizen_id_idx ON member (citizen_id) WHERE citizen_id IS NOT NULL;

-- Which cell (or other organisation) a member belongs to, over time.
CREATE TABLE membership (
  member_id       bigint NOT NULL REFERENCES member (id),
  organization_id bigint NOT NULL REFERENCES organization (id),
  valid_from      date   NOT NULL,
  valid_to        date,
  reason          text,
  decision_ref    text,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  EXCLUDE USING gist (member_id WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX membership_org_idx ON membership (organization_id, valid_from);
CREATE INDEX membership_member_idx ON membership (member_id, valid_from);

-- Status over time: probationary, full, exempt, and the ends of membership.
CREATE TABLE member_status (
  member_id    bigint NOT NULL REFERENCES member (id),
  status       text   NOT NULL CHECK (status IN ('PROBATIONARY', 'FULL', 'EXEMPT', 'REMOVED', 'EXPELLED',
                                                   'RESIGNED', 'DECEASED')),
  valid_from   date   NOT NULL,
  valid_to     date,
  reason       text,
  decision_ref text,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  EXCLUDE USING gist (member_id WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX member_status_member_idx ON member_status (member_id, valid_from);
