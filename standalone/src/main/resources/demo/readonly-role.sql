-- The read-only role dbchat's executor logs in as, for the database demo, made by `dbchat grants`:
-- SELECT on exactly the published columns and nothing else. Run as the owner of the tables; running it again brings the role up to date.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'dbchat_reader') THEN
        CREATE ROLE "dbchat_reader";
    END IF;
END
$$;
ALTER ROLE "dbchat_reader" LOGIN PASSWORD 'dbchat_reader' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 32;
-- role defaults, a further layer: the executor's connections log in with read-only and its own limits
ALTER ROLE "dbchat_reader" SET default_transaction_read_only = 'on';
ALTER ROLE "dbchat_reader" SET statement_timeout = '5000ms';
ALTER ROLE "dbchat_reader" SET lock_timeout = '1000ms';
ALTER ROLE "dbchat_reader" SET idle_in_transaction_session_timeout = '10000ms';
-- PUBLIC defaults that let every role (this one too) create objects, temporary tables or large
-- objects; an application role that needs one of them must be granted it by name
REVOKE CREATE ON SCHEMA "public" FROM PUBLIC;
REVOKE TEMPORARY ON DATABASE "demo" FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer) FROM PUBLIC;
-- what the role holds: CONNECT, USAGE on the published schemas, SELECT on the published columns
REVOKE ALL ON DATABASE "demo" FROM "dbchat_reader";
GRANT CONNECT ON DATABASE "demo" TO "dbchat_reader";
REVOKE ALL ON SCHEMA "public" FROM "dbchat_reader";
REVOKE ALL ON ALL TABLES IN SCHEMA "public" FROM "dbchat_reader";
REVOKE ALL ON ALL SEQUENCES IN SCHEMA "public" FROM "dbchat_reader";
GRANT USAGE ON SCHEMA "public" TO "dbchat_reader";
GRANT SELECT ("id", "name", "industry", "country", "city", "account_manager_id", "contact_email", "since") ON "public"."clients" TO "dbchat_reader";
GRANT SELECT ("invoice_id", "line_no", "description", "quantity", "unit_price", "amount") ON "public"."invoice_lines" TO "dbchat_reader";
GRANT SELECT ("id", "invoice_number", "client_id", "project_id", "status", "amount", "issued_on", "due_on", "paid_on") ON "public"."invoices" TO "dbchat_reader";
GRANT SELECT ("id", "client_id", "team_id", "lead_id", "name", "status", "budget", "start_date", "end_date") ON "public"."projects" TO "dbchat_reader";
GRANT SELECT ("id", "name", "category") ON "public"."skills" TO "dbchat_reader";
GRANT SELECT ("id", "project_id", "assignee_id", "title", "priority", "status", "estimate_hours", "created_on", "due_on", "completed_on") ON "public"."tasks" TO "dbchat_reader";
GRANT SELECT ("id", "name", "department", "location", "founded_on") ON "public"."teams" TO "dbchat_reader";
GRANT SELECT ("id", "task_id", "user_id", "worked_on", "hours", "billable", "note") ON "public"."time_entries" TO "dbchat_reader";
GRANT SELECT ("user_id", "skill_id", "level", "certified_on") ON "public"."user_skills" TO "dbchat_reader";
GRANT SELECT ("id", "team_id", "manager_id", "first_name", "last_name", "email", "job_title", "hired_on", "left_on", "birth_date", "salary") ON "public"."users" TO "dbchat_reader";
