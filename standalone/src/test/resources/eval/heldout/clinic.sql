-- Held-out schema 2: a medical clinic. Deterministic data (arithmetic on generate_series).
CREATE TYPE appointment_status AS ENUM ('Scheduled', 'Completed', 'Cancelled', 'No Show');
CREATE TABLE patients (
    id          integer PRIMARY KEY,
    first_name  text NOT NULL,
    last_name   text NOT NULL,
    sex         char(1) NOT NULL CHECK (sex IN ('F', 'M')),
    birth_date  date NOT NULL,
    blood_type  text CHECK (blood_type IN ('A+', 'A-', 'B+', 'B-', 'AB+', 'O+', 'O-')),
    insured     boolean NOT NULL
);
CREATE TABLE doctors (
    id                integer PRIMARY KEY,
    name              text NOT NULL,
    specialty         text NOT NULL CHECK (specialty IN ('Cardiology', 'Dermatology', 'Pediatrics', 'Neurology', 'General Practice')),
    years_experience  integer NOT NULL,
    consultation_fee  numeric(8, 2) NOT NULL
);
COMMENT ON TABLE doctors IS 'Physicians working at the clinic';
CREATE TABLE appointments (
    id            integer PRIMARY KEY,
    patient_id    integer NOT NULL REFERENCES patients (id),
    doctor_id     integer NOT NULL REFERENCES doctors (id),
    scheduled_on  date NOT NULL,
    status        appointment_status NOT NULL,
    duration_min  integer NOT NULL
);
INSERT INTO patients
SELECT i,
       (ARRAY['Alice', 'Ben', 'Chloe', 'Daniel', 'Erin', 'Felix', 'Gina', 'Henry', 'Ines', 'Jonas', 'Kira'])[1 + i % 11],
       (ARRAY['Adams', 'Baker', 'Cohen', 'Diaz', 'Evans', 'Ford', 'Gray', 'Hall'])[1 + (i * 3) % 8],
       CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END,
       DATE '1940-01-01' + (i * 811) % 29000,
       CASE WHEN i % 9 = 0 THEN NULL ELSE (ARRAY['A+', 'A-', 'B+', 'B-', 'AB+', 'O+', 'O-'])[1 + (i * 5) % 7] END,
       i % 3 <> 0
FROM generate_series(1, 70) AS i;
INSERT INTO doctors
SELECT i,
       'Dr. ' || (ARRAY['Ortega', 'Singh', 'Walker', 'Yamada', 'Novak', 'Lopez', 'Berg', 'Price', 'Khan', 'Meyer'])[i],
       (ARRAY['Cardiology', 'Dermatology', 'Pediatrics', 'Neurology', 'General Practice'])[1 + (i * 2) % 5],
       2 + (i * 7) % 30,
       60 + (i * 23) % 140
FROM generate_series(1, 10) AS i;
INSERT INTO appointments
SELECT i, 1 + (i * 11) % 70, 1 + (i * 3) % 10,
       DATE '2024-01-01' + (i * 3) % 540,
       (ARRAY['Scheduled', 'Completed', 'Completed', 'Cancelled', 'No Show', 'Completed'])[1 + i % 6]::appointment_status,
       15 + 15 * (i % 4)
FROM generate_series(1, 95) AS i;
