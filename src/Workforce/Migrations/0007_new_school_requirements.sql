-- Whether a staffing requirement opens a new school (its classes are for a school the registry has as planned).
ALTER TABLE staffing_requirements ADD COLUMN new_school boolean NOT NULL DEFAULT false;
