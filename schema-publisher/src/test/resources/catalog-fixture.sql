-- A schema that exercises everything the catalog reader publishes (see CatalogReaderIntegrationTest).
CREATE TYPE project_status AS ENUM ('Active', 'On Hold', 'It''s done', 'Zürich');

CREATE TABLE teams (id serial PRIMARY KEY, name text NOT NULL UNIQUE, region text);
COMMENT ON TABLE teams IS 'Teams of people';
COMMENT ON COLUMN teams.name IS 'Display name';

CREATE TABLE projects (
    id serial PRIMARY KEY,
    team_id int NOT NULL REFERENCES teams (id),
    status project_status NOT NULL DEFAULT 'Active',
    priority text CHECK (priority IN ('Low', 'Medium', 'High')),
    stage varchar(20) CHECK (stage = ANY (ARRAY['draft'::varchar, 'live'::varchar])),
    size int CHECK (size IN (1, 2, 3)),
    excluded text CHECK (excluded NOT IN ('x', 'y')),
    positive int CHECK (positive > 0),
    code text,
    UNIQUE (team_id, code));

CREATE TABLE tasks (project_id int REFERENCES projects (id), seq int, title text, PRIMARY KEY (project_id, seq));
CREATE TABLE task_tags (project_id int, seq int, tag text,
    CONSTRAINT task_tags_task_fk FOREIGN KEY (project_id, seq) REFERENCES tasks (project_id, seq));

CREATE SCHEMA "Sales Dept";
CREATE TABLE "Sales Dept"."Order Items" (
    "Größe" text CHECK ("Größe" IN ('S', 'M', 'L''XL', 'say "hi"')),
    "select" int,
    "MixedCase" text);
INSERT INTO "Sales Dept"."Order Items" VALUES ('S', 1, 'One'), ('M', 2, 'Two');

CREATE TABLE users (id int PRIMARY KEY, email text, password_hash text, UNIQUE (id, password_hash));
CREATE TABLE sessions (user_id int, password_hash text, FOREIGN KEY (user_id, password_hash) REFERENCES users (id, password_hash) NOT VALID);
CREATE VIEW active_projects AS SELECT id, team_id FROM projects WHERE status = 'Active';
CREATE TABLE secrets (id int);

INSERT INTO teams (name, region) VALUES ('Red', 'EU'), ('Blue', 'US'), ('Green', 'EU');
CREATE TABLE many_values (v text);
INSERT INTO many_values SELECT 'v' || g FROM generate_series(1, 100) g;
ANALYZE;

CREATE ROLE reader LOGIN PASSWORD 'reader';
GRANT USAGE ON SCHEMA public, "Sales Dept" TO reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public, "Sales Dept" TO reader;
REVOKE SELECT ON secrets FROM reader;
