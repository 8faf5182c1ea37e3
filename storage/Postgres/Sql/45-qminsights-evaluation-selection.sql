-- Why each evaluation's contact was picked (0 random, 1 targeted, 2 dispute) and, when known, its inclusion
-- probability: inference uses random picks or weights by the inverse. Added December 2026; existing rows were
-- random picks as far as anyone told us.
ALTER TABLE qm_evaluations ADD COLUMN IF NOT EXISTS selection smallint NOT NULL DEFAULT 0;
ALTER TABLE qm_evaluations ADD COLUMN IF NOT EXISTS inclusion_probability double precision;
