-- A round's stage and a plan's status are enums in code, stored (and sent) as their camelCase names like every
-- other code of the suite; the two-word ones change from snake_case. Event actions keep their recorded names.
ALTER TABLE rotation_plans DROP CONSTRAINT rotation_plans_status_check;
UPDATE rotation_plans SET status = 'inEffect' WHERE status = 'in_effect';
ALTER TABLE rotation_plans ADD CONSTRAINT rotation_plans_status_check
    CHECK (status IN ('draft', 'submitted', 'approved', 'inEffect', 'completed'));

ALTER TABLE rounds DROP CONSTRAINT rounds_stage_check;
ALTER TABLE round_candidates DROP CONSTRAINT round_candidates_placed_in_check;
UPDATE rounds SET stage = 'crossSchool' WHERE stage = 'cross_school';
UPDATE round_candidates SET placed_in = 'crossSchool' WHERE placed_in = 'cross_school';
UPDATE appointments SET placed_in = 'crossSchool' WHERE placed_in = 'cross_school';
ALTER TABLE rounds ADD CONSTRAINT rounds_stage_check
    CHECK (stage IN ('posts', 'internal', 'crossSchool', 'placement', 'closed'));
ALTER TABLE round_candidates ADD CONSTRAINT round_candidates_placed_in_check
    CHECK (placed_in IN ('internal', 'crossSchool', 'placement'));
