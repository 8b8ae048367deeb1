-- A company's people: departments, employees (with their managers), leave requests and trainings they attend.
CREATE TABLE departments (
    id        integer PRIMARY KEY,
    name      text NOT NULL,
    location  text NOT NULL
);

CREATE TABLE employees (
    id             integer PRIMARY KEY,
    department_id  integer NOT NULL REFERENCES departments (id),
    manager_id     integer REFERENCES employees (id),
    full_name      text NOT NULL,
    job_title      text NOT NULL,
    hired_on       date NOT NULL,
    terminated_on  date,
    salary         numeric(10,2) NOT NULL
);
COMMENT ON TABLE employees IS 'Staff, current and former';

CREATE TABLE leave_requests (
    id           integer PRIMARY KEY,
    employee_id  integer NOT NULL REFERENCES employees (id),
    start_date   date NOT NULL,
    end_date     date NOT NULL,
    days         integer NOT NULL,
    status       text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected'))
);

CREATE TABLE trainings (
    id      integer PRIMARY KEY,
    title   text NOT NULL,
    cost    numeric(8,2) NOT NULL
);

CREATE TABLE enrollments (
    id            integer PRIMARY KEY,
    training_id   integer NOT NULL REFERENCES trainings (id),
    employee_id   integer NOT NULL REFERENCES employees (id),
    completed_on  date
);

INSERT INTO departments VALUES (1, 'Sales', 'Paris'), (2, 'Engineering', 'Lyon'), (3, 'Finance', 'Paris'), (4, 'Legal', 'Lille');

INSERT INTO employees VALUES
 (1, 2, NULL, 'Claire Dubois', 'CTO', DATE '2015-03-01', NULL, 150000),
 (2, 2, 1, 'Hugo Laurent', 'Engineer', DATE '2019-06-15', NULL, 72000),
 (3, 2, 1, 'Ines Moreau', 'Engineer', date_trunc('year', current_date)::date + 10, NULL, 68000),
 (4, 1, NULL, 'Marc Petit', 'Sales Director', DATE '2016-09-01', NULL, 110000),
 (5, 1, 4, 'Julie Roux', 'Account Executive', DATE '2020-01-10', (date_trunc('year', current_date) - interval '6 months')::date, 55000),
 (6, 1, 4, 'Paul Girard', 'Account Executive', DATE '2021-04-01', NULL, 58000),
 (7, 3, NULL, 'Sophie Blanc', 'Controller', DATE '2018-11-20', NULL, 80000);

INSERT INTO leave_requests VALUES
 (1, 2, current_date - 40, current_date - 36, 5, 'approved'),
 (2, 2, current_date + 20, current_date + 24, 5, 'pending'),
 (3, 4, current_date - 100, current_date - 90, 10, 'approved'),
 (4, 6, current_date + 5, current_date + 6, 2, 'pending'),
 (5, 7, current_date - 10, current_date - 8, 3, 'rejected');

INSERT INTO trainings VALUES (1, 'Negotiation', 900.00), (2, 'Kubernetes', 1500.00), (3, 'Excel Advanced', 300.00);

INSERT INTO enrollments VALUES
 (1, 1, 5, current_date - 300), (2, 1, 6, NULL), (3, 2, 2, current_date - 50), (4, 2, 3, NULL), (5, 3, 7, current_date - 20);
