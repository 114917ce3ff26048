-- The audit trail moves from audit_log (0002), which the service's role owned and so could change, to audit.trail:
-- made by the database's provisioning under a role of its own (Data/AuditStore.sql), where the service's role may
-- only add entries and read them. The entries so far move with it. Each change now also records the client's address
-- (app.source, set on the connection with app.actor).
DO $$ BEGIN
    IF to_regclass('audit.trail') IS NULL THEN
        RAISE EXCEPTION 'Table audit.trail is missing: provision the database with AuditStore.sql as a superuser first (docs/security.md).';
    END IF;
END $$;

INSERT INTO audit.trail (at, actor, operation, table_name, row_key, before, after)
SELECT at, actor, operation, table_name, row_key, before, after FROM audit_log ORDER BY id;
DROP TABLE audit_log;

CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    left_out text[] := coalesce(TG_ARGV, '{}'); -- NULL when the trigger names no column
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - left_out END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - left_out END;
BEGIN
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NULL; -- an upsert that changed nothing is not a change
    END IF;
    INSERT INTO audit.trail (actor, source_address, operation, table_name, row_key, before, after)
    VALUES (coalesce(nullif(current_setting('app.actor', true), ''), 'system'), nullif(current_setting('app.source', true), '')::inet,
            lower(TG_OP), TG_TABLE_NAME, coalesce(new_row ->> 'id', old_row ->> 'id'), old_row, new_row);
    RETURN NULL;
END $$;
