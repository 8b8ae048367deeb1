-- Demo data for schema.sql, generated deterministically (no random()): every value is arithmetic on
-- the generate_series index, so each load yields the same rows. The data describes the company as of
-- 2026-06-30, with dates spread over 2019-2026.

INSERT INTO teams (id, name, department, location, founded_on) VALUES
    (1, 'Platform', 'Engineering', 'Berlin', '2019-01-07'),
    (2, 'Mobile', 'Engineering', 'Lisbon', '2019-02-04'),
    (3, 'Data & Analytics', 'Data', 'Toronto', '2019-03-11'),
    (4, 'Cloud Infrastructure', 'Operations', 'Austin', '2019-01-21'),
    (5, 'Security', 'Operations', 'London', '2019-06-03'),
    (6, 'Web Frontend', 'Engineering', 'Kraków', '2019-04-15'),
    (7, 'Backend Services', 'Engineering', 'Berlin', '2019-05-06'),
    (8, 'QA & Automation', 'Engineering', 'Lisbon', '2020-01-13'),
    (9, 'UX Design', 'Design', 'London', '2020-03-02'),
    (10, 'DevOps', 'Operations', 'Toronto', '2020-09-14'),
    (11, 'Machine Learning', 'Data', 'Austin', '2021-02-01'),
    (12, 'Integrations', 'Engineering', 'Kraków', '2021-10-04');

-- User i is member r = (i - 1) / 12 of team t = 1 + (i - 1) % 12, so team t has users t, t + 12, ...
-- Members r = 0 (users 1-12, user 1 the CTO) lead their team, and member r joined about 50 r days after
-- 2019-01-07, which lets later statements pick only people already hired: r <= (day - 2019-02-16) / 50.
-- Members r = 16 and r = 33 have left the company.
INSERT INTO users (id, team_id, manager_id, first_name, last_name, email, password_hash, job_title,
                   hired_on, left_on, birth_date, salary)
WITH words AS (
    SELECT ARRAY['James', 'Mary', 'Liam', 'Olivia', 'Noah', 'Emma', 'Lucas', 'Sofia', 'Mateo', 'Amelia',
                 'Ethan', 'Mia', 'Arjun', 'Priya', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Lukas', 'Anna',
                 'Pedro', 'Ana', 'Jakub', 'Zofia', 'Omar', 'Layla', 'Daniel', 'Chloe', 'Samuel', 'Grace',
                 'David', 'Elena', 'Marco', 'Giulia', 'Ahmed', 'Fatima', 'Kevin', 'Hannah', 'Tomás', 'Inês'] AS first,
           ARRAY['Smith', 'Johnson', 'Garcia', 'Müller', 'Schmidt', 'Silva', 'Santos', 'Kowalski', 'Nowak',
                 'Chen', 'Wang', 'Kim', 'Patel', 'Sharma', 'Nguyen', 'Tanaka', 'Sato', 'Brown', 'Wilson',
                 'Taylor', 'Martin', 'Rossi', 'Bianchi', 'Dubois', 'Lefebvre', 'Novak', 'Costa', 'Ferreira',
                 'Hughes', 'Clarke', 'Murphy', 'O''Brien', 'Walsh', 'Fischer', 'Weber', 'Lopez', 'Anderson'] AS last,
           ARRAY['Junior Developer', 'Software Engineer', 'Software Engineer', 'Senior Software Engineer',
                 'Staff Engineer', 'QA Engineer', 'Data Engineer', 'UX Designer', 'DevOps Engineer',
                 'Business Analyst'] AS title,
           ARRAY[52000, 68000, 71000, 89000, 118000, 62000, 84000, 70000, 86000, 66000] AS base_salary
), people AS (
    SELECT i,
           w.first[1 + (i * 7) % 40] AS first_name,
           w.last[1 + (i * 11 + i / 40) % 37] AS last_name,
           CASE WHEN i = 1 THEN 'CTO'
                WHEN i <= 12 THEN 'Engineering Manager'
                WHEN i % 53 = 0 THEN 'Contractor'
                ELSE w.title[1 + (i * 3) % 10] END AS job_title,
           CASE WHEN i <= 12 THEN 150000 + i * 1750
                ELSE w.base_salary[1 + (i * 3) % 10] + (i * 7919) % 30000 END + (i % 4) * 0.25 AS salary,
           CASE WHEN i <= 12 THEN date '2019-01-02' + (i - 1)
                ELSE date '2019-01-07' + (i - 1) / 12 * 50 + (i * 13) % 40 END AS hired_on
    FROM generate_series(1, 600) AS i CROSS JOIN words w
)
SELECT i,
       1 + (i - 1) % 12,
       CASE WHEN i = 1 OR job_title = 'Contractor' THEN NULL
            WHEN i <= 12 THEN 1
            ELSE 1 + (i - 1) % 12 END,
       first_name,
       last_name,
       translate(lower(first_name || '.' || last_name), 'äöüéáíóúãêçñ''', 'aoueaiouaecn') || '@brightloop.io',
       '$2b$12$' || substr(md5('salt-' || i) || md5('pepper-' || i), 1, 53),
       job_title,
       hired_on,
       CASE WHEN (i - 1) / 12 % 17 = 16 THEN hired_on + 200 + (i * 31) % 600 END,
       CASE WHEN i % 19 <> 0 THEN date '1962-03-01' + (i * 389) % 13500 END,
       salary
FROM people
ORDER BY i;

-- A member of the team, chosen by pick, who was already hired on the given day and stays at least 60
-- more days. A temporary function: it helps generate the data and disappears with the session.
CREATE FUNCTION pg_temp.staff_member(team integer, pick integer, day date) RETURNS integer
    LANGUAGE sql STABLE
    RETURN (SELECT CASE WHEN u.left_on < day + 60 THEN u.id - 12 ELSE u.id END
            FROM users u
            WHERE u.id = team + 12 * (pick % (1 + least(49, greatest(0, (day - date '2019-02-16') / 50)))));

INSERT INTO clients (id, name, industry, country, city, account_manager_id, contact_email, since)
WITH words AS (
    SELECT ARRAY['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent',
                 'Tyrell', 'Cyberdyne', 'Wonka', 'Oscorp', 'Aperture', 'Nakatomi', 'Monarch'] AS prefix,
           ARRAY['Bank', 'Retail', 'Health', 'Logistics', 'Energy'] AS suffix,
           ARRAY['Banking', 'Retail', 'Healthcare', 'Logistics', 'Energy'] AS industry,
           ARRAY['United States', 'United States', 'Canada', 'United Kingdom', 'Germany', 'France',
                 'Netherlands', 'Portugal', 'Poland', 'Japan'] AS country,
           ARRAY['New York', 'Chicago', 'Toronto', 'London', 'Munich', 'Paris', 'Amsterdam', 'Porto',
                 'Warsaw', 'Osaka'] AS city
), parts AS (
    -- (i - 1) = 16 q + p names client p with suffix (p + q) % 5: 80 distinct names
    SELECT i, w.prefix[1 + (i - 1) % 16] AS prefix, w.suffix[1 + ((i - 1) % 16 + (i - 1) / 16) % 5] AS suffix,
           w.industry[1 + ((i - 1) % 16 + (i - 1) / 16) % 5] AS industry,
           w.country[1 + (i * 3) % 10] AS country, w.city[1 + (i * 3) % 10] AS city
    FROM generate_series(1, 80) AS i CROSS JOIN words w
)
SELECT i,
       prefix || ' ' || suffix,
       industry,
       country,
       city,
       CASE WHEN i % 25 <> 0 THEN 13 + (i * 37) % 588 END,
       CASE WHEN i % 7 <> 0 THEN 'projects@' || lower(prefix || suffix) || '.com' END,
       date '2019-01-15' + (i * 97) % 2300
FROM parts
ORDER BY i;

-- Projects 1-330 started before mid-2024 and are mostly finished, 331-400 are recent or planned.
INSERT INTO projects (id, client_id, team_id, lead_id, name, status, budget, start_date, end_date)
WITH words AS (
    SELECT ARRAY['Apollo', 'Borealis', 'Cascade', 'Dynamo', 'Eclipse', 'Falcon', 'Gemini', 'Horizon', 'Ion',
                 'Jupiter', 'Kestrel', 'Lumen', 'Meridian', 'Nebula', 'Orion', 'Pulsar', 'Quasar', 'Rainier',
                 'Sirius', 'Titan', 'Umbra', 'Vega', 'Wavelength', 'Xenon', 'Yukon', 'Zephyr', 'Atlas',
                 'Beacon', 'Comet', 'Delta', 'Ember', 'Fjord', 'Glacier', 'Helix', 'Indigo', 'Juniper',
                 'Krypton', 'Lynx', 'Monsoon', 'Nova', 'Onyx', 'Phoenix', 'Quartz', 'Raven', 'Sequoia',
                 'Tundra', 'Unity', 'Vortex', 'Willow', 'Zenith'] AS codename
), staged AS (
    SELECT i, i % 20 AS m, w.codename[1 + (i - 1) % 50] AS codename,
           date '2019-01-14' + (i - 1) * 6 + (i * 13) % 20 AS first_day,
           CASE WHEN i <= 330 THEN
                    CASE WHEN i % 20 IN (7, 13) THEN 'Cancelled'
                         WHEN i % 20 = 11 AND i > 130 THEN 'On Hold'
                         WHEN i > 290 AND i % 3 = 0 THEN 'In Progress'
                         ELSE 'Completed' END
                ELSE
                    CASE WHEN i % 20 IN (0, 4, 9) THEN 'Planned'
                         WHEN i % 20 = 6 THEN 'On Hold'
                         WHEN i % 20 = 3 THEN 'Completed'
                         WHEN i % 20 = 17 THEN 'Cancelled'
                         ELSE 'In Progress' END
           END AS status
    FROM generate_series(1, 400) AS i CROSS JOIN words w
), dated AS (
    SELECT s.*,
           CASE WHEN status <> 'Planned' THEN first_day
                WHEN m <> 0 THEN date '2026-07-06' + (i % 25) * 7 END AS start_date
    FROM staged s
)
SELECT i,
       1 + (i * 7) % 80,
       1 + (i * 5) % 12,
       CASE WHEN status <> 'Planned' THEN pg_temp.staff_member(1 + (i * 5) % 12, i * 3, start_date) END,
       concat(codename, CASE WHEN i > 50 THEN ' ' || (1 + (i - 1) / 50) END),
       status,
       CASE WHEN status = 'Planned' AND m IN (0, 9) THEN NULL
            ELSE round((30000 + (i * 7919) % 970000) / 100.0) * 100 END,
       start_date,
       CASE status
           WHEN 'Completed' THEN least(start_date + 90 + (i * 37) % 400, date '2026-06-15')
           WHEN 'Cancelled' THEN start_date + 20 + (i * 11) % 120
           WHEN 'In Progress' THEN CASE WHEN m % 4 <> 1 THEN start_date + 365 + (i * 17) % 300 END
           WHEN 'Planned' THEN start_date + 180
       END
FROM dated
ORDER BY i;

-- 50 tasks per project, whose status follows the project's status.
INSERT INTO tasks (id, project_id, assignee_id, title, priority, status, estimate_hours, created_on, due_on,
                   completed_on)
WITH words AS (
    SELECT ARRAY['Implement', 'Fix', 'Refactor', 'Design', 'Test', 'Document', 'Review', 'Migrate', 'Optimize',
                 'Deploy'] AS verb,
           ARRAY['login flow', 'payment API', 'search index', 'admin dashboard', 'CI pipeline', 'data export',
                 'user onboarding', 'notification service', 'reporting module', 'access control',
                 'caching layer', 'mobile layout', 'audit log', 'billing webhook', 'SSO integration',
                 'database schema', 'load balancer', 'error handling', 'PDF generation', 'analytics events'] AS object
), base AS (
    SELECT g, (g - 1) % 50 AS k, p.id AS project_id, p.team_id, p.status AS project_status, p.end_date,
           w.verb[1 + g % 10] || ' ' || w.object[1 + (g / 10) % 20] AS title,
           least(coalesce(p.start_date, date '2026-09-01')
                     + ((g - 1) % 50) * coalesce(p.end_date - p.start_date, 240) / 60,
                 date '2026-06-20' - (49 - (g - 1) % 50)) AS created_on
    FROM generate_series(1, 20000) AS g
    JOIN projects p ON p.id = 1 + (g - 1) / 50
    CROSS JOIN words w
), statused AS (
    SELECT b.*,
           CASE project_status
               WHEN 'Completed' THEN 'Done'
               WHEN 'Cancelled' THEN CASE WHEN k < 20 THEN 'Done' ELSE 'Open' END
               WHEN 'Planned' THEN 'Open'
               WHEN 'On Hold' THEN CASE WHEN k < 25 THEN 'Done' WHEN k % 3 = 0 THEN 'Blocked' ELSE 'Open' END
               ELSE CASE WHEN k < 30 THEN 'Done' WHEN k % 5 = 0 THEN 'Blocked'
                         WHEN k % 2 = 0 THEN 'In Progress' ELSE 'Open' END
           END AS status
    FROM base b
)
SELECT g,
       project_id,
       CASE WHEN NOT (status = 'Open' AND g % 4 = 0) THEN pg_temp.staff_member(team_id, g * 7, created_on) END,
       title,
       (CASE WHEN g % 23 = 0 THEN 'Critical' WHEN g % 7 IN (0, 1) THEN 'High'
             WHEN g % 4 = 0 THEN 'Low' ELSE 'Medium' END)::task_priority,
       status,
       CASE WHEN g % 13 <> 0 THEN 1 + (g * 7) % 40 + (g % 2) * 0.5 END,
       created_on,
       CASE WHEN g % 9 <> 0 THEN created_on + 7 + (g * 11) % 35 END,
       CASE WHEN status = 'Done'
            THEN greatest(created_on, least(created_on + 1 + (g * 7) % 20,
                                            coalesce(end_date, date '2026-06-28'), date '2026-06-28')) END
FROM statused
ORDER BY g;

-- Time is logged on tasks that work has started on, two to three entries each.
INSERT INTO time_entries (id, task_id, user_id, worked_on, hours, billable, note)
WITH worked AS (
    SELECT t.id, t.assignee_id, t.created_on, t.completed_on, p.team_id,
           row_number() OVER (ORDER BY t.id) AS rn
    FROM tasks t JOIN projects p ON p.id = t.project_id
    WHERE t.status <> 'Open'
), slots AS (
    SELECT g, 1 + (g - 1) % (SELECT count(*)::int FROM worked) AS rn, (g - 1) / (SELECT count(*)::int FROM worked) AS j
    FROM generate_series(1, 40000) AS g
)
SELECT s.g,
       w.id,
       CASE WHEN s.j = 2 THEN pg_temp.staff_member(w.team_id, s.g * 11, w.created_on) ELSE w.assignee_id END,
       greatest(w.created_on, least(w.created_on + s.j * 2 + s.g % 5, coalesce(w.completed_on, date '2026-06-29'))),
       (1 + (s.g * 7) % 32) * 0.25,
       s.g % 7 <> 0,
       CASE s.g % 50 WHEN 0 THEN 'Pair programming session' WHEN 1 THEN 'Client workshop'
                     WHEN 2 THEN 'Code review' WHEN 3 THEN 'Bug triage' END
FROM slots s JOIN worked w ON w.rn = s.rn
ORDER BY s.g;

-- An invoice every 30 days of a project's life, until it ended or, while it runs, until 2026-06-30,
-- numbered in order of issue.
INSERT INTO invoices (id, invoice_number, client_id, project_id, status, issued_on, due_on, paid_on)
WITH billed AS (
    SELECT p.id, p.client_id, p.start_date,
           CASE p.status WHEN 'In Progress' THEN date '2026-06-26'
                         WHEN 'On Hold' THEN least(p.start_date + 240, date '2026-06-26')
                         ELSE least(p.end_date + 14, date '2026-06-26') END AS last_day
    FROM projects p
    WHERE p.status <> 'Planned'
), issued AS (
    SELECT b.id * 100 + k AS g, b.id AS project_id, b.client_id, b.start_date + 30 * k AS issued_on
    FROM billed b CROSS JOIN LATERAL generate_series(1, greatest(1, (b.last_day - b.start_date) / 30)) AS k
), statused AS (
    SELECT i.*, i.issued_on + 30 AS due_on,
           CASE WHEN i.issued_on > date '2026-06-05' AND g % 2 = 0 THEN 'Draft'
                WHEN i.issued_on + 30 >= date '2026-06-30' THEN 'Sent'
                WHEN g % 7 = 0 AND i.issued_on > date '2025-12-01' THEN 'Overdue'
                WHEN g % 97 = 0 THEN 'Overdue'
                ELSE 'Paid' END AS status,
           row_number() OVER (ORDER BY i.issued_on, i.g) AS n
    FROM issued i
)
SELECT n,
       'INV-' || extract(year FROM issued_on) || '-' || lpad(n::text, 5, '0'),
       client_id,
       project_id,
       status::invoice_status,
       issued_on,
       due_on,
       CASE WHEN status = 'Paid' THEN least(issued_on + 5 + (g * 7) % 40, date '2026-06-30') END
FROM statused
ORDER BY n;

-- Two to four lines per invoice: hours of work, hours of a second kind of work, fixed fees.
INSERT INTO invoice_lines (invoice_id, line_no, description, quantity, unit_price, amount)
WITH lines AS (
    SELECT i.id AS invoice_id, l AS line_no, i.id * 4 + l AS g,
           CASE WHEN l <= 2 THEN 8 + (i.id * 4 + l) * 13 % 160 ELSE 1 END AS quantity,
           CASE WHEN l <= 2 THEN 95 + (i.id * 4 + l) * 7 % 11 * 10 ELSE 250 + (i.id * 4 + l) * 31 % 3000 END AS unit_price
    FROM invoices i CROSS JOIN LATERAL generate_series(1, 2 + i.id % 3) AS l
)
SELECT invoice_id,
       line_no,
       CASE line_no
           WHEN 1 THEN (ARRAY['Development services', 'Consulting services'])[1 + g % 2]
           WHEN 2 THEN (ARRAY['Project management', 'QA and testing', 'Design work'])[1 + g % 3]
           WHEN 3 THEN (ARRAY['Cloud hosting (pass-through)', 'Support retainer'])[1 + g % 2]
           ELSE 'Travel expenses'
       END,
       quantity,
       unit_price,
       quantity * unit_price
FROM lines
ORDER BY invoice_id, line_no;

UPDATE invoices i SET amount = l.total
FROM (SELECT invoice_id, sum(amount) AS total FROM invoice_lines GROUP BY invoice_id) l
WHERE l.invoice_id = i.id;

INSERT INTO skills (id, name, category)
SELECT id, name, category
FROM unnest(
    ARRAY['Java', 'Kotlin', 'Python', 'TypeScript', 'Go', 'Rust', 'C#', 'SQL', 'Scala', 'Swift',
          'Spring Boot', 'React', 'Angular', 'Django', '.NET', 'Flutter', 'Node.js', 'Vue.js',
          'AWS', 'Azure', 'Google Cloud', 'Kubernetes', 'Docker', 'Terraform',
          'PostgreSQL', 'Kafka', 'Spark', 'Airflow', 'dbt', 'Snowflake',
          'Scrum', 'UX Research', 'Figma', 'Security Auditing', 'Penetration Testing', 'Test Automation',
          'CI/CD', 'Technical Writing', 'Machine Learning', 'Data Visualization'],
    ARRAY['Language', 'Language', 'Language', 'Language', 'Language', 'Language', 'Language', 'Language',
          'Language', 'Language', 'Framework', 'Framework', 'Framework', 'Framework', 'Framework', 'Framework',
          'Framework', 'Framework', 'Cloud', 'Cloud', 'Cloud', 'Cloud', 'Cloud', 'Cloud',
          'Data', 'Data', 'Data', 'Data', 'Data', 'Data',
          'Practice', 'Practice', 'Practice', 'Practice', 'Practice', 'Practice',
          'Practice', 'Practice', 'Practice', 'Practice']
) WITH ORDINALITY AS s (name, category, id);

-- User u gets the skills 7u, 7u + 13 and 7u + 26 (mod 40) for its first, second and third slot:
-- distinct, so the primary key holds.
INSERT INTO user_skills (user_id, skill_id, level, certified_on)
SELECT 1 + (g - 1) % 600,
       1 + ((g - 1) / 600 * 13 + g * 7) % 40,
       1 + (g * 3) % 5,
       CASE WHEN g % 4 = 0 THEN date '2019-06-01' + (g * 29) % 2500 END
FROM generate_series(1, 1500) AS g;

-- ids were given explicitly: move the identity sequences past them
SELECT setval(pg_get_serial_sequence('teams', 'id'), (SELECT max(id) FROM teams));
SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
SELECT setval(pg_get_serial_sequence('clients', 'id'), (SELECT max(id) FROM clients));
SELECT setval(pg_get_serial_sequence('projects', 'id'), (SELECT max(id) FROM projects));
SELECT setval(pg_get_serial_sequence('tasks', 'id'), (SELECT max(id) FROM tasks));
SELECT setval(pg_get_serial_sequence('time_entries', 'id'), (SELECT max(id) FROM time_entries));
SELECT setval(pg_get_serial_sequence('invoices', 'id'), (SELECT max(id) FROM invoices));
SELECT setval(pg_get_serial_sequence('skills', 'id'), (SELECT max(id) FROM skills));

DROP FUNCTION pg_temp.staff_member(integer, integer, date);

ANALYZE;
