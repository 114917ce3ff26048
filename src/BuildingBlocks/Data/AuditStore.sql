-- The audit trail's schema and table (docs/security.md, "Audit trail"). Not a migration: whoever provisions the database runs it
-- as a superuser before the service first starts, and again on each start (it is idempotent): the AppHost does
-- (AppHost/Hosting/AuditStore.cs), a DBA in a deployment. {role} is the service's login role, {owner} a role of the
-- audit schema's own that cannot log in. The service's role owns its database and everything else in it (and may drop
-- anything in the public schema, which it owns); here it may only add entries and read them. No role can change or
-- remove an entry: not the service's (no privilege; it cannot drop or disable the triggers of a table it does not own
-- in a schema it does not own), and not the owner (the triggers refuse); a superuser would have to drop them first.
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{owner}') THEN CREATE ROLE "{owner}" NOLOGIN; END IF;
END $$;

CREATE SCHEMA IF NOT EXISTS audit AUTHORIZATION "{owner}";
REVOKE ALL ON SCHEMA audit FROM PUBLIC;
GRANT USAGE ON SCHEMA audit TO "{role}";

CREATE TABLE IF NOT EXISTS audit.trail (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor          text,        -- the user's name; 'system' for event consumers; null for a refused caller not signed in
    source_address inet,        -- the client's address, as the gateway saw it
    operation      text        NOT NULL CHECK (operation IN ('insert', 'update', 'delete', 'refused')),
    table_name     text,        -- a change: the table, the row's id, the row before and after
    row_key        text,
    before         jsonb,
    after          jsonb,
    method         text,        -- a refused request: method, path (no query) and status
    path           text,
    status         smallint
);
CREATE INDEX IF NOT EXISTS trail_at ON audit.trail (at DESC);
CREATE INDEX IF NOT EXISTS trail_row ON audit.trail (table_name, row_key);
ALTER TABLE audit.trail OWNER TO "{owner}";
REVOKE ALL ON audit.trail FROM PUBLIC, "{role}";
GRANT SELECT, INSERT ON audit.trail TO "{role}";

CREATE OR REPLACE FUNCTION audit.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit trail is append-only: % refused.', TG_OP;
END $$;
ALTER FUNCTION audit.append_only() OWNER TO "{owner}";
CREATE OR REPLACE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit.trail FOR EACH ROW EXECUTE FUNCTION audit.append_only();
CREATE OR REPLACE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit.trail FOR EACH STATEMENT EXECUTE FUNCTION audit.append_only();
