-- A small clinic: patients see doctors at appointments, and some appointments end with a prescription.
CREATE TYPE specialty AS ENUM ('general practice', 'cardiology', 'dermatology', 'pediatrics', 'orthopedics');
CREATE TYPE appointment_status AS ENUM ('scheduled', 'completed', 'cancelled', 'no-show');

CREATE TABLE doctors (
    id         integer PRIMARY KEY,
    full_name  text NOT NULL,
    specialty  specialty NOT NULL,
    hired_on   date NOT NULL,
    room       text
);
COMMENT ON TABLE doctors IS 'Physicians working at the clinic';

CREATE TABLE patients (
    id          integer PRIMARY KEY,
    first_name  text NOT NULL,
    last_name   text NOT NULL,
    birth_date  date NOT NULL,
    sex         char(1) NOT NULL CHECK (sex IN ('F', 'M')),
    city        text NOT NULL,
    insurer     text
);
COMMENT ON TABLE patients IS 'People registered with the clinic';
COMMENT ON COLUMN patients.insurer IS 'Health insurance company; empty for self-paying patients';

CREATE TABLE appointments (
    id            integer PRIMARY KEY,
    patient_id    integer NOT NULL REFERENCES patients (id),
    doctor_id     integer NOT NULL REFERENCES doctors (id),
    starts_at     timestamp NOT NULL,
    duration_min  integer NOT NULL,
    status        appointment_status NOT NULL,
    fee           numeric(8,2) NOT NULL
);
COMMENT ON TABLE appointments IS 'Visits booked with a doctor';
COMMENT ON COLUMN appointments.fee IS 'Amount billed for the visit';

CREATE TABLE prescriptions (
    id              integer PRIMARY KEY,
    appointment_id  integer NOT NULL REFERENCES appointments (id),
    medication      text NOT NULL,
    dose_mg         integer NOT NULL,
    days            integer NOT NULL
);
COMMENT ON TABLE prescriptions IS 'Medication prescribed at an appointment';

INSERT INTO doctors VALUES
 (1, 'Dr. Helen Park', 'general practice', DATE '2012-04-01', '101'),
 (2, 'Dr. Omar Haddad', 'cardiology', DATE '2015-09-15', '204'),
 (3, 'Dr. Lucia Romano', 'dermatology', DATE '2019-01-07', '110'),
 (4, 'Dr. Samuel Okafor', 'pediatrics', DATE '2017-06-20', '120'),
 (5, 'Dr. Ingrid Larsen', 'orthopedics', DATE '2021-03-01', NULL),
 (6, 'Dr. Mei Chen', 'general practice', DATE '2023-10-02', '102');

INSERT INTO patients VALUES
 (1, 'John', 'Smith', DATE '1958-02-11', 'M', 'Leeds', 'Aviva'),
 (2, 'Emma', 'Jones', DATE '1990-07-23', 'F', 'York', 'Bupa'),
 (3, 'Liam', 'Brown', DATE '2016-05-30', 'M', 'Leeds', 'Bupa'),
 (4, 'Olivia', 'Taylor', DATE '1984-12-02', 'F', 'Harrogate', NULL),
 (5, 'Noah', 'Wilson', DATE '1972-03-17', 'M', 'York', 'Aviva'),
 (6, 'Ava', 'Davies', DATE '2019-09-09', 'F', 'Leeds', 'Vitality'),
 (7, 'George', 'Evans', DATE '1949-11-25', 'M', 'Harrogate', NULL),
 (8, 'Isla', 'Thomas', DATE '2001-01-14', 'F', 'York', 'Bupa'),
 (9, 'Harry', 'Walker', DATE '1966-08-08', 'M', 'Leeds', 'Vitality'),
 (10, 'Mia', 'Wright', DATE '1995-04-04', 'F', 'Leeds', 'Aviva'),
 (11, 'Jack', 'Green', DATE '1980-10-19', 'M', 'York', NULL),
 (12, 'Sophie', 'Hall', DATE '2012-06-06', 'F', 'Harrogate', 'Bupa');

INSERT INTO appointments VALUES
 (1, 1, 2, now()::date - 200 + time '09:00', 30, 'completed', 120.00),
 (2, 2, 1, now()::date - 190 + time '10:30', 15, 'completed', 60.00),
 (3, 3, 4, now()::date - 170 + time '11:00', 20, 'completed', 70.00),
 (4, 5, 2, now()::date - 150 + time '14:00', 30, 'completed', 120.00),
 (5, 4, 3, now()::date - 140 + time '15:15', 20, 'no-show', 0.00),
 (6, 7, 2, now()::date - 120 + time '08:45', 45, 'completed', 180.00),
 (7, 1, 1, now()::date - 100 + time '09:30', 15, 'completed', 60.00),
 (8, 6, 4, now()::date - 95 + time '13:00', 20, 'completed', 70.00),
 (9, 8, 3, now()::date - 80 + time '16:00', 20, 'completed', 90.00),
 (10, 9, 5, now()::date - 70 + time '10:00', 30, 'cancelled', 0.00),
 (11, 2, 3, now()::date - 60 + time '11:30', 20, 'completed', 90.00),
 (12, 10, 1, now()::date - 50 + time '12:00', 15, 'completed', 60.00),
 (13, 5, 5, now()::date - 40 + time '09:00', 30, 'completed', 150.00),
 (14, 11, 6, now()::date - 25 + time '10:15', 15, 'completed', 60.00),
 (15, 1, 2, now()::date - 20 + time '14:30', 30, 'completed', 120.00),
 (16, 3, 4, now()::date - 12 + time '15:00', 20, 'no-show', 0.00),
 (17, 9, 1, now()::date - 7 + time '08:30', 15, 'completed', 60.00),
 (18, 7, 5, now()::date - 3 + time '11:00', 45, 'completed', 200.00),
 (19, 2, 6, now()::date + 2 + time '09:00', 15, 'scheduled', 60.00),
 (20, 12, 4, now()::date + 5 + time '10:00', 20, 'scheduled', 70.00),
 (21, 5, 2, now()::date + 9 + time '13:30', 30, 'scheduled', 120.00),
 (22, 10, 3, now()::date + 14 + time '16:30', 20, 'scheduled', 90.00);

INSERT INTO prescriptions VALUES
 (1, 1, 'Atorvastatin', 20, 90),
 (2, 2, 'Amoxicillin', 500, 7),
 (3, 3, 'Ibuprofen', 100, 5),
 (4, 4, 'Atorvastatin', 40, 90),
 (5, 4, 'Aspirin', 75, 90),
 (6, 6, 'Bisoprolol', 5, 60),
 (7, 7, 'Omeprazole', 20, 28),
 (8, 9, 'Hydrocortisone', 10, 14),
 (9, 11, 'Hydrocortisone', 10, 14),
 (10, 13, 'Ibuprofen', 400, 10),
 (11, 15, 'Atorvastatin', 20, 90),
 (12, 17, 'Amoxicillin', 500, 7),
 (13, 18, 'Naproxen', 250, 14);
