-- Projects go proposed (谋划) → approved (立项) → commissioned (投入使用), or are cancelled; each change raises the
-- version its events carry. planned_in_use is when the places are planned to be in use.
ALTER TABLE projects DROP CONSTRAINT projects_status_check;
UPDATE projects SET status = 'proposed' WHERE status = 'planned';
ALTER TABLE projects ADD CONSTRAINT projects_status_check CHECK (status IN ('proposed', 'approved', 'cancelled', 'commissioned'));
ALTER TABLE projects ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE projects ADD COLUMN planned_in_use date;
