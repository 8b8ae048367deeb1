-- The least-privileged role that generated SQL runs as: it can connect to the demo database and
-- read its tables, nothing else, and its transactions are read-only by default. Idempotent.
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
ALTER ROLE dbchat_reader SET default_transaction_read_only = on;

-- PostgreSQL 14 lets every role (PUBLIC) create objects in schema public and temporary tables in
-- any database: take both away so the reader really holds only the grants above.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE TEMPORARY ON DATABASE demo FROM PUBLIC;
