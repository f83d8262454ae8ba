-- The organisation tree with its history: dated names, dated parent links, succession by merge and split, and a
-- dated closure table rebuilt from the links so that any subtree on any date is one indexed lookup.
CREATE TABLE agency (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL,
  search_key text NOT NULL
);

CREATE TABLE organization (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type          text   NOT NULL CHECK (type IN ('DANG_BO_TINH', 'DANG_BO_CAP_TREN_CO_SO', 'DANG_BO_CO_SO',
                                                'CHI_BO_CO_SO', 'DANG_BO_BO_PHAN', 'CHI_BO_TRUC_THUOC', 'TO_DANG')),
  code          text,
  agency_id     bigint REFERENCES agency (id),
  valid_from    date   NOT NULL,
  valid_to      date,
  closed_reason text,
  version       integer NOT NULL DEFAULT 0,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- Names over time: a rename closes one row and opens the next.
CREATE TABLE organization_name (
  organization_id bigint NOT NULL REFERENCES organization (id),
  name            text   NOT NULL,
  search_key      text   NOT NULL,
  valid_from      date   NOT NULL,
  valid_to        date,
  decision_ref    text,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  EXCLUDE USING gist (organization_id WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX organization_name_search_idx ON organization_name USING gin (search_key gin_trgm_ops);

-- Parent links over time; a root has parent_id NULL.
CREATE TABLE organization_link (
  organization_id bigint NOT NULL REFERENCES organization (id),
  parent_id       bigint REFERENCES organization (id),
  valid_from      date   NOT NULL,
  valid_to        date,
  decision_ref    text,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (parent_id IS NULL OR parent_id <> organization_id),
  EXCLUDE USING gist (organization_id WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX organization_link_parent_idx ON organization_link (parent_id, valid_from);

-- Predecessors and successors: a merge gives several predecessors one successor, a split the reverse.
CREATE TABLE organization_succession (
  predecessor_id bigint NOT NULL REFERENCES organization (id),
  successor_id   bigint NOT NULL REFERENCES organization (id),
  kind           text   NOT NULL CHECK (kind IN ('MERGE', 'SPLIT')),
  on_date        date   NOT NULL,
  decision_ref   text,
  PRIMARY KEY (predecessor_id, successor_id)
);
CREATE INDEX organization_succession_successor_idx ON organization_succession (successor_id);

-- What happened to an organisation, when, by which decision and by whom.
CREATE TABLE organization_event (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id bigint NOT NULL REFERENCES organization (id),
  kind            text   NOT NULL CHECK (kind IN ('CREATED', 'RENAMED', 'MOVED', 'MERGED_INTO', 'MERGED_FROM',
                                                  'SPLIT_INTO', 'SPLIT_FROM', 'DISSOLVED')),
  on_date         date   NOT NULL,
  related_id      bigint REFERENCES organization (id),
  detail          text,
  decision_ref    text,
  actor           text   NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organization_event_org_idx ON organization_event (organization_id, on_date);

-- Ancestor x descendant x period, including each organisation as its own ancestor. Derived from the links.
CREATE TABLE organization_closure (
  ancestor_id   bigint NOT NULL,
  descendant_id bigint NOT NULL,
  depth         integer NOT NULL,
  valid_from    date   NOT NULL,
  valid_to      date
);
CREATE INDEX organization_closure_ancestor_idx ON organization_closure (ancestor_id, valid_from, descendant_id);
CREATE INDEX organization_closure_descendant_idx ON organization_closure (descendant_id, valid_from);

-- Rebuilds the closure from the links, in SQL, in the caller's transaction.
CREATE FUNCTION organization_closure_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM organization_closure;
  INSERT INTO organization_closure (ancestor_id, descendant_id, depth, valid_from, valid_to)
  WITH RECURSIVE c (ancestor_id, descendant_id, depth, valid_from, valid_to) AS (
    SELECT o.id, o.id, 0, o.valid_from, o.valid_to FROM organization o
    UNION ALL
    SELECT l.parent_id, c.descendant_id, c.depth + 1, greatest(c.valid_from, l.valid_from), least(c.valid_to, l.valid_to)
    FROM c JOIN organization_link l ON l.organization_id = c.ancestor_id AND l.parent_id IS NOT NULL
     AND l.valid_from < coalesce(c.valid_to, 'infinity') AND coalesce(l.valid_to, 'infinity') > c.valid_from
  )
  SELECT ancestor_id, descendant_id, depth, valid_from, valid_to FROM c;
$$;

-- The organisations a caller sees on a date: the subtrees of their scope roots and of those roots' predecessors
-- (by merge or split, transitively), or everything for a global grant. Published for every module's queries.
CREATE FUNCTION organization_visible(roots bigint[], is_global boolean, on_date date)
RETURNS TABLE (id bigint) LANGUAGE sql STABLE AS $$
  WITH RECURSIVE r (id) AS (
    SELECT unnest(roots)
    UNION
    SELECT s.predecessor_id FROM organization_succession s JOIN r ON s.successor_id = r.id
  )
  SELECT o.id FROM organization o
  WHERE is_global AND o.valid_from <= on_date AND (o.valid_to IS NULL OR o.valid_to > on_date)
  UNION
  SELECT c.descendant_id FROM organization_closure c JOIN r ON c.ancestor_id = r.id
  WHERE NOT is_global AND c.valid_from <= on_date AND (c.valid_to IS NULL OR c.valid_to > on_date);
$$;

-- Every organisation a caller may ever have seen, at any date (for records such as a member's file).
CREATE FUNCTION organization_visible_ever(roots bigint[], is_global boolean)
RETURNS TABLE (id bigint, valid_from date, valid_to date) LANGUAGE sql STABLE AS $$
  WITH RECURSIVE r (id) AS (
    SELECT unnest(roots)
    UNION
    SELECT s.predecessor_id FROM organization_succession s JOIN r ON s.successor_id = r.id
  )
  SELECT o.id, o.valid_from, o.valid_to FROM organization o WHERE is_global
  UNION ALL
  SELECT c.descendant_id, c.valid_from, c.valid_to FROM organization_closure c JOIN r ON c.ancestor_id = r.id
  WHERE NOT is_global;
$$;
