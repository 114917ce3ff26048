-- District scope in the database itself (docs/security.md): every connection names its scope in app.scope from its
-- first packet (ScopedDataSources): '*' for the service's own work (event consumers, the outbox, migrations), a
-- GB/T 2260 code prefix for a signed-in user ('12' 天津市, '120106' 红桥区), 'none' for an anonymous request. Row-level
-- security then filters every statement on district-owned rows, reads and writes alike: a row outside the scope is
-- not there, and a row may not be written into a district outside it. The service's role owns its tables, so each
-- table is FORCEd; a superuser would bypass all of it, and the services refuse to start as one.

-- Whether a district code is in the connection's scope. An unset or empty scope covers nothing.
CREATE FUNCTION in_scope(district_code text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('app.scope', true) = '*'
        OR starts_with(district_code, nullif(nullif(current_setting('app.scope', true), ''), 'none')), false)
$$;

-- Puts a table under the scope: its rows are visible where <visible> holds (a district column in scope, or a parent
-- row that is visible), and may be written where <writable> also holds (every record a row names is in scope).
CREATE FUNCTION scope_rows(target regclass, visible text, writable text DEFAULT 'true') RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('DROP POLICY IF EXISTS district_scope ON %s', target);
    EXECUTE format($p$CREATE POLICY district_scope ON %s
        USING (current_setting('app.scope', true) = '*' OR (%s))
        WITH CHECK (current_setting('app.scope', true) = '*' OR ((%s) AND (%s)))$p$, target, visible, visible, writable);
END
$$;
