-- Mass organisations led by a party organisation in its agency: the Youth Union, the trade union, the women's union,
-- the veterans' association; their units, leaders, member counts by year, the party's decisions concerning them, and
-- Youth Union members proposed as candidates for admission to the Party.
CREATE TABLE mass_organization (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id bigint NOT NULL REFERENCES organization (id),
  kind            text   NOT NULL CHECK (kind IN ('YOUTH_UNION', 'TRADE_UNION', 'WOMEN_UNION', 'VETERANS')),
  name            text   NOT NULL,
  valid_from      date   NOT NULL,
  valid_to        date,
  closed_reason   text,
  recorded_by     text   NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX mass_organization_org_idx ON mass_organization (organization_id, valid_from);

CREATE TABLE mass_organization_leader (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mass_organization_id bigint NOT NULL REFERENCES mass_organization (id),
  full_name            text   NOT NULL,
  member_id            bigint REFERENCES member (id),
  title                text   NOT NULL CHECK (title IN ('CHAIR', 'DEPUTY_CHAIR', 'SECRETARY', 'DEPUTY_SECRETARY')),
  valid_from           date   NOT NULL,
  valid_to             date,
  decision_ref         text,
  closed_reason        text,
  recorded_by          text   NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  EXCLUDE USING gist (mass_organization_id WITH =, title WITH =, full_name WITH =,
                      daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX mass_organization_leader_idx ON mass_organization_leader (mass_organization_id, valid_from);

CREATE TABLE mass_organization_count (
  mass_organization_id bigint  NOT NULL REFERENCES mass_organization (id),
  year                 integer NOT NULL,
  members              integer NOT NULL CHECK (members >= 0),
  recorded_by          text    NOT NULL,
  PRIMARY KEY (mass_organization_id, year)
);

CREATE TABLE mass_organization_decision (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mass_organization_id bigint NOT NULL REFERENCES mass_organization (id),
  symbol               text   NOT NULL,
  issued_on            date   NOT NULL,
  subject              text   NOT NULL,
  recorded_by          text   NOT NULL
);

CREATE TABLE youth_candidate (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mass_organization_id bigint NOT NULL REFERENCES mass_organization (id),
  full_name            text   NOT NULL,
  date_of_birth        date,
  proposed_on          date   NOT NULL,
  status               text   NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'TAKEN_UP', 'WITHDRAWN')),
  note                 text,
  recorded_by          text   NOT NULL
);
CREATE INDEX youth_candidate_status_idx ON youth_candidate (status, proposed_on);
