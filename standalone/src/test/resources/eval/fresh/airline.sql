-- A small airline: airports, aircraft, flights between airports, passengers and their tickets.
CREATE TABLE airports (
    code     char(3) PRIMARY KEY,
    name     text NOT NULL,
    city     text NOT NULL,
    country  text NOT NULL
);
COMMENT ON TABLE airports IS 'Airports the airline flies to';

CREATE TABLE aircraft (
    id          integer PRIMARY KEY,
    registration text NOT NULL,
    model       text NOT NULL,
    seats       integer NOT NULL,
    built_year  integer NOT NULL
);

CREATE TABLE flights (
    id             integer PRIMARY KEY,
    flight_number  text NOT NULL,
    origin         char(3) NOT NULL REFERENCES airports (code),
    destination    char(3) NOT NULL REFERENCES airports (code),
    aircraft_id    integer NOT NULL REFERENCES aircraft (id),
    departs_at     timestamp NOT NULL,
    arrives_at     timestamp NOT NULL,
    status         text NOT NULL CHECK (status IN ('scheduled', 'departed', 'landed', 'cancelled'))
);

CREATE TABLE passengers (
    id           integer PRIMARY KEY,
    name         text NOT NULL,
    nationality  text NOT NULL,
    frequent_flyer boolean NOT NULL DEFAULT false,
    born_on      date NOT NULL
);

CREATE TABLE tickets (
    id            integer PRIMARY KEY,
    flight_id     integer NOT NULL REFERENCES flights (id),
    passenger_id  integer NOT NULL REFERENCES passengers (id),
    fare_class    text NOT NULL CHECK (fare_class IN ('economy', 'business', 'first')),
    price         numeric(8,2) NOT NULL,
    checked_in    boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE tickets IS 'A seat sold to a passenger on a flight';

INSERT INTO airports VALUES
 ('LIS', 'Humberto Delgado', 'Lisbon', 'Portugal'), ('OPO', 'Francisco Sa Carneiro', 'Porto', 'Portugal'),
 ('MAD', 'Barajas', 'Madrid', 'Spain'), ('CDG', 'Charles de Gaulle', 'Paris', 'France'),
 ('FRA', 'Frankfurt Main', 'Frankfurt', 'Germany'), ('AMS', 'Schiphol', 'Amsterdam', 'Netherlands');

INSERT INTO aircraft VALUES
 (1, 'CS-TKA', 'A320', 174, 2012), (2, 'CS-TKB', 'A321', 216, 2016), (3, 'CS-TKC', 'E190', 106, 2009),
 (4, 'CS-TKD', 'A330', 268, 2019), (5, 'CS-TKE', 'A320', 174, 2021);

INSERT INTO flights VALUES
 (1, 'TP100', 'LIS', 'MAD', 1, now() - interval '40 days', now() - interval '40 days' + interval '75 minutes', 'landed'),
 (2, 'TP101', 'MAD', 'LIS', 1, now() - interval '39 days', now() - interval '39 days' + interval '80 minutes', 'landed'),
 (3, 'TP200', 'LIS', 'CDG', 2, now() - interval '25 days', now() - interval '25 days' + interval '150 minutes', 'landed'),
 (4, 'TP201', 'CDG', 'LIS', 2, now() - interval '24 days', now() - interval '24 days' + interval '155 minutes', 'landed'),
 (5, 'TP300', 'OPO', 'FRA', 3, now() - interval '10 days', now() - interval '10 days' + interval '170 minutes', 'landed'),
 (6, 'TP301', 'FRA', 'OPO', 3, now() - interval '9 days', now() - interval '9 days' + interval '175 minutes', 'cancelled'),
 (7, 'TP400', 'LIS', 'AMS', 4, now() - interval '2 days', now() - interval '2 days' + interval '170 minutes', 'landed'),
 (8, 'TP401', 'AMS', 'LIS', 4, now() + interval '1 day', now() + interval '1 day' + interval '175 minutes', 'scheduled'),
 (9, 'TP102', 'LIS', 'MAD', 5, now() + interval '3 days', now() + interval '3 days' + interval '75 minutes', 'scheduled'),
 (10, 'TP500', 'OPO', 'LIS', 5, now() + interval '6 days', now() + interval '6 days' + interval '55 minutes', 'scheduled');

INSERT INTO passengers VALUES
 (1, 'Ana Lopes', 'Portugal', true, DATE '1985-04-12'), (2, 'Jean Martin', 'France', false, DATE '1990-09-30'),
 (3, 'Lena Vogel', 'Germany', true, DATE '1978-01-05'), (4, 'Pablo Ruiz', 'Spain', false, DATE '2001-07-19'),
 (5, 'Sofia Costa', 'Portugal', false, DATE '1995-11-02'), (6, 'Tom de Vries', 'Netherlands', true, DATE '1969-03-27'),
 (7, 'Marta Silva', 'Portugal', false, DATE '2004-12-24'), (8, 'Klaus Berg', 'Germany', false, DATE '1958-06-15');

INSERT INTO tickets VALUES
 (1, 1, 1, 'business', 420.00, true), (2, 1, 4, 'economy', 95.00, true), (3, 2, 4, 'economy', 110.00, true),
 (4, 3, 2, 'economy', 140.00, true), (5, 3, 1, 'first', 890.00, true), (6, 4, 2, 'economy', 150.00, true),
 (7, 5, 3, 'business', 510.00, true), (8, 5, 8, 'economy', 180.00, true), (9, 7, 6, 'economy', 160.00, true),
 (10, 7, 5, 'economy', 130.00, true), (11, 8, 6, 'economy', 170.00, false), (12, 9, 1, 'business', 450.00, false),
 (13, 9, 7, 'economy', 85.00, false), (14, 10, 5, 'economy', 60.00, false), (15, 6, 3, 'business', 520.00, false);
