-- A least-privileged role the executor can log in as (dbchat.executor.username / .password). `dbchat grants`
-- prints a stricter one for a given database: SELECT on exactly the published columns, PUBLIC's CREATE,
-- TEMPORARY and large-object rights revoked.
-- Run as the owner of the database's tables, e.g.:
--   psql -v reader_password='...' -d shop -f create-reader-role.sql
-- It can log in and read; every transaction it opens is read-only and bounded by timeouts unless it says
-- otherwise. These role defaults are a further layer: the executor's connections log in with read-only and
-- its own (tighter) timeouts as startup parameters, which take precedence, and reset a connection a
-- statement may have changed. Narrow the grants to the published tables and columns where the database
-- holds more than it publishes, e.g.
--   REVOKE SELECT ON salaries FROM dbchat_reader;
--   REVOKE SELECT ON users FROM dbchat_reader; GRANT SELECT (id, email, full_name) ON users TO dbchat_reader;
CREATE ROLE dbchat_reader LOGIN PASSWORD :'reader_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT CONNECTION LIMIT 64;
ALTER ROLE dbchat_reader SET default_transaction_read_only = on;
ALTER ROLE dbchat_reader SET statement_timeout = '30s';
ALTER ROLE dbchat_reader SET lock_timeout = '10s';
ALTER ROLE dbchat_reader SET idle_in_transaction_session_timeout = '30s';
-- PostgreSQL before 15 lets every role create objects in schema public; readers need no such right.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dbchat_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dbchat_reader;
