-- A car rental company: branches, their cars, customers, rentals and the damages reported on them.
CREATE TABLE branches (
    id    integer PRIMARY KEY,
    name  text NOT NULL,
    city  text NOT NULL
);

CREATE TABLE cars (
    id          integer PRIMARY KEY,
    branch_id   integer NOT NULL REFERENCES branches (id),
    plate       text NOT NULL,
    make        text NOT NULL,
    category    text NOT NULL CHECK (category IN ('economy', 'compact', 'suv', 'van', 'luxury')),
    daily_rate  numeric(8,2) NOT NULL,
    year_built  integer NOT NULL,
    mileage_km  integer NOT NULL,
    retired_on  date
);

CREATE TABLE customers (
    id             integer PRIMARY KEY,
    full_name      text NOT NULL,
    email          text,
    country        text NOT NULL,
    licence_since  date NOT NULL,
    vip            boolean NOT NULL DEFAULT false
);

CREATE TABLE rentals (
    id             integer PRIMARY KEY,
    car_id         integer NOT NULL REFERENCES cars (id),
    customer_id    integer NOT NULL REFERENCES customers (id),
    pickup_at      timestamp NOT NULL,
    return_due_at  timestamp NOT NULL,
    returned_at    timestamp,
    total_price    numeric(10,2),
    status         text NOT NULL CHECK (status IN ('reserved', 'active', 'completed', 'cancelled'))
);
COMMENT ON TABLE rentals IS 'A car hired by a customer';

CREATE TABLE damages (
    id           integer PRIMARY KEY,
    rental_id    integer NOT NULL REFERENCES rentals (id),
    reported_on  date NOT NULL,
    repair_cost  numeric(10,2) NOT NULL,
    description  text NOT NULL
);

INSERT INTO branches VALUES (1, 'Airport', 'Malaga'), (2, 'Old Town', 'Seville'), (3, 'Station', 'Cordoba');

INSERT INTO cars VALUES
 (1, 1, '1234-ABC', 'Seat', 'economy', 35.00, 2019, 82000, NULL),
 (2, 1, '2345-BCD', 'Toyota', 'suv', 70.00, 2021, 41000, NULL),
 (3, 1, '3456-CDE', 'Mercedes', 'luxury', 150.00, 2022, 22000, NULL),
 (4, 2, '4567-DEF', 'Fiat', 'economy', 30.00, 2016, 140000, current_date - 30),
 (5, 2, '5678-EFG', 'Renault', 'van', 90.00, 2020, 95000, NULL),
 (6, 2, '6789-FGH', 'Kia', 'suv', 65.00, 2017, 120000, NULL);

INSERT INTO customers VALUES
 (1, 'Lucia Romero', 'lucia@example.com', 'Spain', DATE '2005-06-01', true),
 (2, 'Mark Evans', NULL, 'United Kingdom', DATE '2012-03-15', false),
 (3, 'Sofie Jansen', 'sofie@example.com', 'Netherlands', DATE '2019-09-09', false),
 (4, 'Pablo Ortiz', 'pablo@example.com', 'Spain', DATE '1998-01-20', false),
 (5, 'Anna Schmidt', NULL, 'Germany', DATE '2021-11-11', true);

INSERT INTO rentals VALUES
 (1, 1, 1, now() - interval '60 days', now() - interval '55 days', now() - interval '55 days', 175.00, 'completed'),
 (2, 2, 1, now() - interval '20 days', now() - interval '13 days', now() - interval '12 days', 560.00, 'completed'),
 (3, 3, 2, now() - interval '3 days', now() + interval '2 days', NULL, NULL, 'active'),
 (4, 5, 3, now() - interval '10 days', now() - interval '6 days', now() - interval '6 days', 360.00, 'completed'),
 (5, 6, 4, now() - interval '5 days', now() - interval '1 day', NULL, NULL, 'active'),
 (6, 2, 3, now() + interval '4 days', now() + interval '9 days', NULL, NULL, 'reserved'),
 (7, 1, 4, now() - interval '40 days', now() - interval '38 days', NULL, NULL, 'cancelled'),
 (8, 3, 1, now() + interval '15 days', now() + interval '18 days', NULL, NULL, 'reserved');

INSERT INTO damages VALUES
 (1, 1, current_date - 55, 420.00, 'scratched door'), (2, 2, current_date - 12, 90.00, 'broken mirror'),
 (3, 4, current_date - 6, 1300.00, 'dented bumper');
