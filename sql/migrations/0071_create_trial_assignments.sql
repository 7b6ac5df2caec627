-- Trial mode of the effect view (issue 13, docs/readme/effect.md "Trial mode"): when a
-- municipality has switched it on, each burglary whose neighbours could get a cocoon letter is
-- assigned at random, once, when an officer first asks for that letter: 'letter' (sent as
-- usual), 'late' (not before release_at) or 'none' (no cocoon letter). The draw and the share in
-- force are kept, so the assignment can be checked afterwards. Nothing personal beyond the
-- burglary it is about; deleted with it (retention).
CREATE TABLE trial_assignments (
  incident_id      bigint PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
  municipality_id  int NOT NULL REFERENCES municipalities(id),
  arm              text NOT NULL CHECK (arm IN ('letter', 'late', 'none')),
  -- The share of cocoons held back when it was drawn, and the uniform draw in [0, 1) itself.
  share            numeric NOT NULL CHECK (share >= 0 AND share <= 0.5),
  draw             float8 NOT NULL CHECK (draw >= 0 AND draw < 1),
  release_at       timestamptz,
  assigned_at      timestamptz NOT NULL DEFAULT now(),
  assigned_actor   text NOT NULL,
  CHECK ((arm = 'late') = (release_at IS NOT NULL))
);
CREATE INDEX trial_assignments_municipality_idx ON trial_assignments (municipality_id, assigned_at);
