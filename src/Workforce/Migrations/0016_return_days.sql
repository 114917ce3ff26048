-- Plans completed before return days were kept: each returned teacher's return day is their return posting's, so
-- that they do not count as still away.
UPDATE rotation_assignments a
SET returns_on = (SELECT min(p.from_date)
                  FROM teacher_postings p
                  WHERE p.teacher_id = a.teacher_id AND p.origin = 'return' AND p.from_date >= r.reference_date)
FROM rotation_plans r
WHERE r.id = a.plan_id AND r.status = 'completed' AND a.outcome = 'returned' AND a.returns_on IS NULL;
