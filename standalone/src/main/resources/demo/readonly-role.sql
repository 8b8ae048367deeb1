-- The least-privileged role that generated SQL runs as: it can connect to the demo database and
-- read its tables, nothing else, and its transactions are read-only and time-limited by default. Idempotent.
-- The password is for the embedded demo only: production must set its own (ALTER ROLE ... PASSWORD).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'dbchat_reader') THEN
        CREATE ROLE dbchat_reader LOGIN PASSWORD 'dbchat_reader'
            NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS;
    END IF;
END
$$;

GRANT CONNECT ON DATABASE demo TO dbchat_reader;
GRANT USAGE ON SCHEMA public TO dbchat_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dbchat_reader;
-- role defaults as a further layer: the executor's own connections log in with these and tighter limits
ALTER ROLE dbchat_reader SET default_transaction_read_only = on;
ALTER ROLE dbchat_reader SET statement_timeout = '30s';
ALTER ROLE dbchat_reader SET lock_timeout = '10s';
ALTER ROLE dbchat_reader SET idle_in_transaction_session_timeout = '30s';

-- PostgreSQL 14 lets every role (PUBLIC) create objects in schema public and temporary tables in
-- any database: take both away so the reader really holds only the grants above.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE TEMPORARY ON DATABASE demo FROM PUBLIC;
