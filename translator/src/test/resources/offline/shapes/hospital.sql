-- A small hospital: departments, doctors, patients, their admissions and prescriptions. Some rows have no children
-- (a department without doctors, a doctor without admissions), so "per" and "each" questions must keep them.
CREATE TABLE departments (
    id     integer PRIMARY KEY,
    name   text NOT NULL,
    floor  integer NOT NULL
);
COMMENT ON TABLE departments IS 'Hospital departments (wards)';

CREATE TABLE doctors (
    id             integer PRIMARY KEY,
    department_id  integer REFERENCES departments (id),
    full_name      text NOT NULL,
    specialty      text NOT NULL,
    hired_on       date NOT NULL,
    salary         numeric(10,2) NOT NULL,
    on_call        boolean NOT NULL DEFAULT false
);

CREATE TABLE patients (
    id          integer PRIMARY KEY,
    full_name   text NOT NULL,
    birth_date  date NOT NULL,
    sex         char(1) NOT NULL CHECK (sex IN ('F', 'M')),
    city        text NOT NULL,
    insurer     text
);

CREATE TYPE admission_status AS ENUM ('scheduled', 'admitted', 'discharged', 'cancelled');

CREATE TABLE admissions (
    id             integer PRIMARY KEY,
    patient_id     integer NOT NULL REFERENCES patients (id),
    doctor_id      integer NOT NULL REFERENCES doctors (id),
    admitted_at    timestamp NOT NULL,
    discharged_at  timestamp,
    status         admission_status NOT NULL,
    cost           numeric(10,2) NOT NULL,
    diagnosis      text NOT NULL
);
COMMENT ON COLUMN admissions.cost IS 'Amount billed for the stay';

CREATE TABLE prescriptions (
    id            integer PRIMARY KEY,
    admission_id  integer NOT NULL REFERENCES admissions (id),
    drug          text NOT NULL,
    dose_mg       integer NOT NULL
);

INSERT INTO departments VALUES
 (1, 'Cardiology', 2), (2, 'Oncology', 3), (3, 'Pediatrics', 1), (4, 'Emergency', 0), (5, 'Dermatology', 4);

INSERT INTO doctors VALUES
 (1, 1, 'Helena Brandt', 'cardiologist', current_date - 3000, 9800.00, true),
 (2, 1, 'Omar Haddad', 'cardiologist', current_date - 400, 8100.00, false),
 (3, 2, 'Ines Vidal', 'oncologist', current_date - 2200, 9400.00, false),
 (4, 3, 'Paul Meyer', 'pediatrician', current_date - 1500, 7600.00, true),
 (5, 4, 'Sara Lind', 'emergency physician', current_date - 200, 7900.00, true),
 (6, 4, 'Tomas Novak', 'emergency physician', current_date - 5000, 8800.00, false),
 (7, 2, 'Lea Roux', 'oncologist', current_date - 100, 7000.00, false);

INSERT INTO patients VALUES
 (1, 'Ana Silva', DATE '1950-03-02', 'F', 'Lyon', 'Mutuelle A'),
 (2, 'Bruno Costa', DATE '1988-07-15', 'M', 'Lyon', NULL),
 (3, 'Chloe Martin', DATE '2015-01-20', 'F', 'Grenoble', 'Mutuelle B'),
 (4, 'David Klein', DATE '1972-11-30', 'M', 'Annecy', 'Mutuelle A'),
 (5, 'Emma Petit', DATE '1999-05-05', 'F', 'Grenoble', NULL),
 (6, 'Felix Wolf', DATE '1940-09-09', 'M', 'Lyon', 'Mutuelle C'),
 (7, 'Greta Berg', DATE '2019-12-24', 'F', 'Annecy', 'Mutuelle B');

INSERT INTO admissions VALUES
 (1, 1, 1, now() - interval '200 days', now() - interval '190 days', 'discharged', 5400.00, 'arrhythmia'),
 (2, 1, 1, now() - interval '20 days', now() - interval '15 days', 'discharged', 3100.00, 'arrhythmia'),
 (3, 2, 5, now() - interval '3 days', NULL, 'admitted', 900.00, 'fracture'),
 (4, 3, 4, now() - interval '60 days', now() - interval '58 days', 'discharged', 1200.00, 'asthma'),
 (5, 4, 3, now() - interval '10 days', NULL, 'admitted', 7600.00, 'lymphoma'),
 (6, 6, 2, now() - interval '400 days', now() - interval '380 days', 'discharged', 8900.00, 'heart failure'),
 (7, 6, 6, now() - interval '1 day', NULL, 'admitted', 450.00, 'fall'),
 (8, 7, 4, now() + interval '5 days', NULL, 'scheduled', 0.00, 'tonsillectomy'),
 (9, 4, 3, now() + interval '30 days', NULL, 'scheduled', 0.00, 'lymphoma'),
 (10, 2, 5, now() - interval '90 days', now() - interval '90 days', 'cancelled', 0.00, 'sprain');

INSERT INTO prescriptions VALUES
 (1, 1, 'amiodarone', 200), (2, 2, 'amiodarone', 200), (3, 2, 'warfarin', 5), (4, 3, 'ibuprofen', 400),
 (5, 4, 'salbutamol', 2), (6, 5, 'rituximab', 375), (7, 6, 'furosemide', 40), (8, 7, 'ibuprofen', 400),
 (9, 3, 'paracetamol', 1000);
