-- Row-level security: the database's own wall behind the tenant-scoped client.
--
-- The tenant-scoped client (lib/db/tenant.ts) runs every query in a transaction that first
-- switches to the role dealflow_app (neither superuser nor owner, no BYPASSRLS) and sets
-- app.tenant_id. Every table with a "tenantId" column then shows and accepts only that
-- tenant's rows, whatever the query says. The process's own work across workspaces (sign-in,
-- the event dispatcher, engines choosing tenants, migrations) runs on the connection's role
-- with app.rls_bypass = 'on' set for its session; a connection with neither setting sees no
-- tenant rows at all.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dealflow_app') THEN
    BEGIN
      CREATE ROLE dealflow_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL; -- created meanwhile by a parallel migration of another database
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'Row-level security needs the role dealflow_app: create it (CREATE ROLE dealflow_app NOLOGIN) and grant it to the role that runs the migrations, or run them as a role with CREATEROLE';
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'dealflow_app', 'MEMBER') THEN
    EXECUTE format('GRANT dealflow_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO dealflow_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO dealflow_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO dealflow_app;
REVOKE ALL ON "_prisma_migrations" FROM dealflow_app;

-- The embedded database takes bulk loads as COPY from a blob the process hands it, which
-- PostgreSQL counts as reading a server file; PGlite has no other files to read.
DO $$
BEGIN
  IF version() LIKE '%PGlite%' THEN
    GRANT pg_read_server_files TO dealflow_app;
  END IF;
END $$;

-- Enables and forces row-level security on a tenant-owned table. Later migrations call it for
-- every new table with a tenant column: SELECT dealflow_enable_tenant_rls('"NewTable"');
CREATE OR REPLACE FUNCTION dealflow_enable_tenant_rls(target regclass, key_column text DEFAULT 'tenantId') RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (%I = current_setting(''app.tenant_id'', true)) WITH CHECK (%I = current_setting(''app.tenant_id'', true))',
    target, key_column, key_column);
  EXECUTE format('DROP POLICY IF EXISTS system_access ON %s', target);
  -- Never for dealflow_app: inside a tenant's transaction only its own rows are reachable.
  EXECUTE format(
    'CREATE POLICY system_access ON %s USING (current_user <> ''dealflow_app'' AND current_setting(''app.rls_bypass'', true) = ''on'') WITH CHECK (current_user <> ''dealflow_app'' AND current_setting(''app.rls_bypass'', true) = ''on'')',
    target);
END
$fn$;

DO $$
DECLARE
  owned regclass;
BEGIN
  FOR owned IN
    SELECT c.oid::regclass
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind = 'r'
  LOOP
    PERFORM dealflow_enable_tenant_rls(owned);
  END LOOP;
END $$;

-- The tenant reaches its own Tenant row only.
SELECT dealflow_enable_tenant_rls('"Tenant"', 'id');

-- Under row-level security PostgreSQL evaluates a query's own conditions after the policy's
-- unless their functions are LEAKPROOF, so an index on a filtered column (status, money,
-- the address search) would go unused. These comparisons raise no error that depends on a
-- row's value, so they reveal nothing of rows they may not see. Marking them needs a
-- superuser; without one the policies hold the same, the filters just scan.
DO $$
DECLARE
  fn text;
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    FOREACH fn IN ARRAY ARRAY[
      'enum_eq(anyenum,anyenum)', 'enum_ne(anyenum,anyenum)', 'enum_lt(anyenum,anyenum)', 'enum_le(anyenum,anyenum)',
      'enum_gt(anyenum,anyenum)', 'enum_ge(anyenum,anyenum)',
      'numeric_eq(numeric,numeric)', 'numeric_ne(numeric,numeric)', 'numeric_lt(numeric,numeric)', 'numeric_le(numeric,numeric)',
      'numeric_gt(numeric,numeric)', 'numeric_ge(numeric,numeric)',
      'texticlike(text,text)', 'texticnlike(text,text)', 'textlike(text,text)', 'textnlike(text,text)',
      'arraycontains(anyarray,anyarray)', 'arrayoverlap(anyarray,anyarray)'
    ] LOOP
      EXECUTE format('ALTER FUNCTION %s LEAKPROOF', fn);
    END LOOP;
  ELSE
    RAISE NOTICE 'Not a superuser: comparison functions stay non-LEAKPROOF, filtered queries under row-level security scan instead of using their indexes';
  END IF;
END $$;
