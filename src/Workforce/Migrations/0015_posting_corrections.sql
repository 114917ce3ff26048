-- A posting is corrected only by an explicit step, which says why; the audit trail records who and when.
ALTER TABLE teacher_postings ADD COLUMN correction text CHECK (length(correction) <= 200);
