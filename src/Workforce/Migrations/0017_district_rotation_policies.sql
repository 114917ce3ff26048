-- A district's own rotation policy (交流轮岗): its eligibility list and its new plans use it; a plan keeps the
-- policy it was generated under. A district without a row follows Tianjin's (the defaults of RotationPolicy).
CREATE TABLE rotation_policies (
    district_code text        PRIMARY KEY,
    policy        jsonb       NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
SELECT scope_rows('rotation_policies', 'in_scope(district_code)');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON rotation_policies FOR EACH ROW EXECUTE FUNCTION audit_row();
