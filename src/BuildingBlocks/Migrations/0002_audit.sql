-- The audit trail: every change to a table that carries the audit trigger, with who made it (app.actor, set on the
-- connection for the signed-in user; "system" for changes made by consumers of events), when, and the row before
-- and after. Columns named in the trigger's arguments (a password hash) are left out.
CREATE TABLE audit_log (
    id         bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor      text        NOT NULL,
    table_name text        NOT NULL,
    operation  text        NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
    row_key    text,
    before     jsonb,
    after      jsonb
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_row ON audit_log (table_name, row_key);

CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    left_out text[] := coalesce(TG_ARGV, '{}'); -- NULL when the trigger names no column
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - left_out END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - left_out END;
BEGIN
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NULL; -- an upsert that changed nothing is not a change
    END IF;
    INSERT INTO audit_log (actor, table_name, operation, row_key, before, after)
    VALUES (coalesce(nullif(current_setting('app.actor', true), ''), 'system'), TG_TABLE_NAME, lower(TG_OP),
            coalesce(new_row ->> 'id', old_row ->> 'id'), old_row, new_row);
    RETURN NULL;
END $$;
