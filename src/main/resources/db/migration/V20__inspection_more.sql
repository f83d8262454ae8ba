-- Who decided a complaint (the filing clerk is recorded_by); decisions and complaints are never deleted.
ALTER TABLE discipline_complaint ADD COLUMN resolved_by text;
ALTER TABLE discipline_complaint ADD CONSTRAINT discipline_complaint_outcome_dated
  CHECK ((outcome IS NULL) = (decided_on IS NULL) AND (outcome IS NULL) = (outcome_ref IS NULL));
ALTER TABLE discipline_complaint ADD CONSTRAINT discipline_complaint_reduced_form
  CHECK ((outcome = 'REDUCED') = (reduced_form IS NOT NULL) OR outcome IS NULL AND reduced_form IS NULL);
