-- A directive links to its entry in the document register (directive.document_id, left unused by V8): set when the
-- directive is recorded and the register holds a document with the same symbol and issue date, or when such a
-- document is registered later (issued or received by the directive's committee or an organisation under it).

ALTER TABLE directive ADD CONSTRAINT directive_document_fk FOREIGN KEY (document_id) REFERENCES document (id);

-- Finds the directives waiting for a register entry with a given identity.
CREATE INDEX directive_unlinked_identity_idx ON directive (symbol, issued_on) WHERE document_id IS NULL;

-- Directives recorded before this migration: the register entry of the same identity that the committee or an
-- organisation under it issued or received (the committee's own first, then an issued one, then the earliest).
UPDATE directive d SET document_id = (
  SELECT doc.id FROM document doc
  WHERE doc.symbol = d.symbol AND doc.issued_on = d.issued_on
    AND EXISTS (SELECT 1 FROM organization_closure c
                WHERE c.ancestor_id = d.owner_id
                  AND c.descendant_id IN (doc.issuer_org_id, doc.receiver_org_id))
  ORDER BY (doc.receiver_org_id = d.owner_id OR doc.issuer_org_id = d.owner_id) DESC,
           doc.direction = 'ISSUED' DESC, doc.id
  LIMIT 1)
WHERE d.document_id IS NULL;
