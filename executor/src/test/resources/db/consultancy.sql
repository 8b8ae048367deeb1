-- The consultancy test database: everything the snapshot publishes, plus users.password_hash and the
-- salaries table, which it does not.
CREATE TABLE teams (id serial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE users (id serial PRIMARY KEY, team_id int REFERENCES teams(id), email text NOT NULL, full_name text NOT NULL,
    role text NOT NULL, hired_at date NOT NULL, hourly_rate numeric(10,2) NOT NULL, active boolean NOT NULL DEFAULT true,
    password_hash text NOT NULL);
CREATE TABLE clients (id serial PRIMARY KEY, name text NOT NULL, country text NOT NULL, industry text, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE projects (id serial PRIMARY KEY, client_id int REFERENCES clients(id), team_id int REFERENCES teams(id), name text NOT NULL,
    status text NOT NULL CHECK (status IN ('Active', 'On Hold', 'Completed')), budget numeric(12,2), started_on date NOT NULL, ends_on date);
CREATE TABLE tasks (id serial PRIMARY KEY, project_id int REFERENCES projects(id), assignee_id int REFERENCES users(id), title text NOT NULL,
    status text NOT NULL, estimate_hours numeric(6,2), created_at timestamptz NOT NULL DEFAULT now(), done_at timestamptz);
CREATE TABLE time_entries (id serial PRIMARY KEY, task_id int REFERENCES tasks(id), user_id int REFERENCES users(id), spent_on date NOT NULL,
    hours numeric(5,2) NOT NULL, billable boolean NOT NULL, note text);
CREATE TABLE invoices (id serial PRIMARY KEY, client_id int REFERENCES clients(id), project_id int REFERENCES projects(id), invoice_no text NOT NULL,
    issued_on date NOT NULL, due_on date NOT NULL, status text NOT NULL, total numeric(12,2) NOT NULL, paid_at timestamptz);
CREATE TABLE invoice_lines (id serial PRIMARY KEY, invoice_id int REFERENCES invoices(id), description text NOT NULL, quantity numeric(10,2) NOT NULL,
    unit_price numeric(10,2) NOT NULL, amount numeric(12,2) NOT NULL);
CREATE TABLE skills (id serial PRIMARY KEY, name text NOT NULL, category text NOT NULL);
CREATE TABLE user_skills (user_id int REFERENCES users(id), skill_id int REFERENCES skills(id), level int NOT NULL, PRIMARY KEY (user_id, skill_id));
CREATE TABLE salaries (user_id int REFERENCES users(id), amount numeric(12,2) NOT NULL);

INSERT INTO teams (name) VALUES ('Data'), ('Platform'), ('Design');
INSERT INTO users (team_id, email, full_name, role, hired_at, hourly_rate, password_hash) VALUES
    (1, 'ada@example.com', 'Ada Lovelace', 'Lead', '2020-01-15', 120.50, 'secret-1'),
    (1, 'alan@example.com', 'Alan Turing', 'Engineer', '2021-03-01', 95.00, 'secret-2'),
    (2, 'grace@example.com', 'Grace Hopper', 'Engineer', '2019-07-20', 110.00, 'secret-3'),
    (3, 'edsger@example.com', 'Edsger Dijkstra', 'Designer', '2022-11-11', 80.25, 'secret-4');
INSERT INTO clients (name, country, industry) VALUES ('Acme', 'DE', 'Retail'), ('Globex', 'US', 'Energy'), ('Initech', 'FR', NULL);
INSERT INTO projects (client_id, team_id, name, status, budget, started_on, ends_on) VALUES
    (1, 1, 'Warehouse', 'Active', 50000, '2024-01-01', NULL), (2, 2, 'Grid', 'On Hold', 120000.50, '2023-06-01', '2024-12-31'),
    (3, 3, 'Rebrand', 'Completed', 15000, '2023-01-10', '2023-05-30');
INSERT INTO tasks (project_id, assignee_id, title, status, estimate_hours, done_at) VALUES
    (1, 1, 'Model', 'Done', 16, now()), (1, 2, 'Load', 'Open', 24, NULL), (2, 3, 'Design API', 'Open', 40, NULL), (3, 4, 'Logo', 'Done', 8, now());
INSERT INTO time_entries (task_id, user_id, spent_on, hours, billable, note) VALUES
    (1, 1, '2024-02-01', 6.5, true, 'modelling'), (1, 2, '2024-02-02', 4, true, NULL), (2, 2, '2024-02-03', 7.25, false, 'setup'),
    (3, 3, '2024-03-05', 8, true, NULL), (4, 4, '2023-03-01', 5, true, 'sketches');
INSERT INTO invoices (client_id, project_id, invoice_no, issued_on, due_on, status, total, paid_at) VALUES
    (1, 1, 'INV-001', '2024-02-28', '2024-03-28', 'Paid', 1500.00, now()), (2, 2, 'INV-002', '2024-03-31', '2024-04-30', 'Open', 880.00, NULL);
INSERT INTO invoice_lines (invoice_id, description, quantity, unit_price, amount) VALUES
    (1, 'Consulting', 10, 120.50, 1205.00), (1, 'Expenses', 1, 295.00, 295.00), (2, 'Consulting', 8, 110.00, 880.00);
INSERT INTO skills (name, category) VALUES ('SQL', 'Data'), ('Kotlin', 'Language'), ('Figma', 'Design');
INSERT INTO user_skills VALUES (1, 1, 5), (2, 1, 4), (2, 2, 3), (3, 2, 5), (4, 3, 4);
INSERT INTO salaries VALUES (1, 90000), (2, 70000);
