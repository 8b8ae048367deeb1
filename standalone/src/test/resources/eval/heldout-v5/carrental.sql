-- A car rental company: branches keep a fleet of cars, customers rent them and damage found at return is recorded.
CREATE TYPE fuel_type AS ENUM ('petrol', 'diesel', 'hybrid', 'electric');

CREATE TABLE branches (
    id         integer PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    city       text NOT NULL,
    airport    boolean NOT NULL,
    opened_on  date NOT NULL
);
COMMENT ON COLUMN branches.airport IS 'true for desks at an airport';

CREATE TABLE cars (
    id            integer PRIMARY KEY,
    branch_id     integer NOT NULL REFERENCES branches (id),
    plate         text NOT NULL UNIQUE,
    make          text NOT NULL,
    model         text NOT NULL,
    category      text NOT NULL CHECK (category IN ('economy', 'compact', 'suv', 'van', 'premium')),
    fuel          fuel_type NOT NULL,
    model_year    integer NOT NULL,
    seats         integer NOT NULL,
    daily_rate    numeric(6,2) NOT NULL,
    odometer_km   integer NOT NULL,
    acquired_on   date NOT NULL,
    retired_on    date
);
COMMENT ON COLUMN cars.branch_id IS 'Home branch of the car';
COMMENT ON COLUMN cars.retired_on IS 'Day the car was sold off or scrapped; empty while it is in the fleet';

CREATE TABLE customers (
    id                integer PRIMARY KEY,
    name              text NOT NULL,
    city              text NOT NULL,
    birth_date        date NOT NULL,
    licence_issued_on date NOT NULL,
    corporate         boolean NOT NULL DEFAULT false,
    signed_up_on      date NOT NULL
);
COMMENT ON COLUMN customers.corporate IS 'true for customers renting on a company contract';

CREATE TABLE rentals (
    id                integer PRIMARY KEY,
    car_id            integer NOT NULL REFERENCES cars (id),
    customer_id       integer NOT NULL REFERENCES customers (id),
    pickup_branch_id  integer NOT NULL REFERENCES branches (id),
    return_branch_id  integer NOT NULL REFERENCES branches (id),
    picked_up_at      timestamp NOT NULL,
    due_back_at       timestamp NOT NULL,
    returned_at       timestamp,
    km_driven         integer,
    status            text NOT NULL CHECK (status IN ('reserved', 'on_rent', 'returned', 'cancelled')),
    price             numeric(8,2) NOT NULL
);
COMMENT ON COLUMN rentals.status IS 'reserved: not picked up yet; on_rent: the customer has the car now';
COMMENT ON COLUMN rentals.picked_up_at IS 'When the car was (or is to be) handed over';
COMMENT ON COLUMN rentals.returned_at IS 'Empty until the car is back';

CREATE TABLE damage_reports (
    id           integer PRIMARY KEY,
    rental_id    integer NOT NULL REFERENCES rentals (id),
    reported_on  date NOT NULL,
    severity     text NOT NULL CHECK (severity IN ('minor', 'moderate', 'major')),
    description  text NOT NULL,
    repair_cost  numeric(8,2) NOT NULL,
    charged_to_customer numeric(8,2) NOT NULL DEFAULT 0
);
COMMENT ON COLUMN damage_reports.charged_to_customer IS 'Part of the repair cost billed to the customer';


INSERT INTO branches (id, name, city, airport, opened_on) VALUES
    (1, 'Munich Airport', 'Munich', true, current_date - 3400),
    (2, 'Munich Central', 'Munich', false, current_date - 2800),
    (3, 'Hamburg Airport', 'Hamburg', true, current_date - 2300),
    (4, 'Cologne Station', 'Cologne', false, current_date - 1500),
    (5, 'Leipzig West', 'Leipzig', false, current_date - 610);

INSERT INTO cars (id, branch_id, plate, make, model, category, fuel, model_year, seats, daily_rate, odometer_km, acquired_on, retired_on) VALUES
    (1, 2, 'L-ST 6319', 'Renault', 'Clio', 'economy', 'petrol', 2025, 5, 35, 70949, current_date - 582, NULL),
    (2, 1, 'L-KH 9785', 'Mercedes-Benz', 'E-Class', 'premium', 'hybrid', 2023, 5, 117, 84262, current_date - 1304, NULL),
    (3, 2, 'HH-RA 8744', 'Renault', 'Clio', 'economy', 'electric', 2025, 5, 43, 41246, current_date - 78, NULL),
    (4, 1, 'K-AR 9216', 'Toyota', 'Aygo', 'economy', 'petrol', 2022, 4, 39, 132501, current_date - 1446, current_date - 458),
    (5, 3, 'L-UG 5070', 'Mercedes-Benz', 'E-Class', 'premium', 'petrol', 2021, 5, 130, 131726, current_date - 1581, NULL),
    (6, 3, 'HH-PR 2934', 'Kia', 'Sportage', 'suv', 'electric', 2025, 5, 85, 57594, current_date - 130, NULL),
    (7, 4, 'HH-UP 6170', 'Ford', 'Transit', 'van', 'petrol', 2024, 9, 90, 92524, current_date - 958, NULL),
    (8, 1, 'HH-FU 3818', 'Skoda', 'Octavia', 'compact', 'electric', 2022, 5, 52, 116382, current_date - 1274, NULL),
    (9, 3, 'K-WN 7622', 'Tesla', 'Model 3', 'premium', 'electric', 2024, 5, 130, 76080, current_date - 535, NULL),
    (10, 3, 'HH-RB 7982', 'Mercedes-Benz', 'Vito', 'van', 'hybrid', 2022, 8, 100, 140044, current_date - 1664, NULL),
    (11, 5, 'K-AV 8949', 'Kia', 'Sportage', 'suv', 'hybrid', 2021, 5, 85, 129969, current_date - 1725, current_date - 740),
    (12, 1, 'HH-CV 4282', 'BMW', 'X3', 'suv', 'petrol', 2023, 5, 75, 92548, current_date - 1361, NULL),
    (13, 3, 'HH-KD 3124', 'Toyota', 'Aygo', 'economy', 'petrol', 2021, 4, 32, 105411, current_date - 1604, NULL),
    (14, 4, 'K-SM 8234', 'Toyota', 'Aygo', 'economy', 'electric', 2024, 4, 35, 30559, current_date - 404, NULL),
    (15, 2, 'K-DK 8457', 'Ford', 'Focus', 'compact', 'hybrid', 2022, 5, 58, 134236, current_date - 1690, NULL),
    (16, 4, 'M-FS 8395', 'Fiat', 'Panda', 'economy', 'petrol', 2024, 4, 45, 110605, current_date - 873, NULL),
    (17, 3, 'K-ZR 1063', 'Ford', 'Transit', 'van', 'petrol', 2022, 9, 94, 86816, current_date - 1132, current_date - 72),
    (18, 3, 'K-FR 9355', 'Toyota', 'Aygo', 'economy', 'petrol', 2025, 4, 39, 18534, current_date - 216, NULL),
    (19, 1, 'L-FX 8437', 'BMW', '5 Series', 'premium', 'electric', 2022, 5, 128, 121635, current_date - 1738, NULL),
    (20, 3, 'HH-TD 6490', 'Fiat', 'Panda', 'economy', 'electric', 2022, 4, 45, 122417, current_date - 1440, NULL),
    (21, 2, 'HH-GM 9329', 'Skoda', 'Octavia', 'compact', 'hybrid', 2025, 5, 45, 70378, current_date - 636, NULL),
    (22, 2, 'K-VT 8824', 'Skoda', 'Octavia', 'compact', 'petrol', 2021, 5, 48, 157541, current_date - 1775, NULL),
    (23, 3, 'K-MX 8388', 'Fiat', 'Panda', 'economy', 'petrol', 2025, 4, 32, 50408, current_date - 401, NULL),
    (24, 3, 'HH-WV 1808', 'Toyota', 'Aygo', 'economy', 'petrol', 2022, 4, 35, 108834, current_date - 1296, NULL),
    (25, 5, 'M-WV 3765', 'Volkswagen', 'Golf', 'compact', 'petrol', 2023, 5, 48, 67853, current_date - 758, current_date - 127),
    (26, 1, 'K-DB 4945', 'Skoda', 'Octavia', 'compact', 'electric', 2025, 5, 58, 64654, current_date - 294, NULL),
    (27, 2, 'HH-HW 6997', 'Toyota', 'Aygo', 'economy', 'petrol', 2022, 4, 35, 138231, current_date - 1751, NULL),
    (28, 5, 'L-PV 4917', 'Mercedes-Benz', 'Vito', 'van', 'petrol', 2022, 8, 87, 145468, current_date - 1583, NULL),
    (29, 5, 'M-AA 4942', 'Volkswagen', 'Golf', 'compact', 'petrol', 2022, 5, 45, 117100, current_date - 1395, NULL),
    (30, 5, 'L-DK 3625', 'Ford', 'Focus', 'compact', 'petrol', 2025, 5, 58, 72164, current_date - 191, NULL);

INSERT INTO customers (id, name, city, birth_date, licence_issued_on, corporate, signed_up_on) VALUES
    (1, 'Quentin Fischer', 'Berlin', current_date - 18223, current_date - 10196, true, current_date - 422),
    (2, 'Rosa Costa', 'Stuttgart', current_date - 12594, current_date - 5691, false, current_date - 1350),
    (3, 'Oscar Moreau', 'Cologne', current_date - 20404, current_date - 12446, true, current_date - 397),
    (4, 'Paula Keller', 'Munich', current_date - 14531, current_date - 6721, false, current_date - 1200),
    (5, 'Paula Hansen', 'Munich', current_date - 25855, current_date - 18908, false, current_date - 837),
    (6, 'Elif Yilmaz', 'Munich', current_date - 8532, current_date - 200, true, current_date - 35),
    (7, 'Omar Mendes', 'Stuttgart', current_date - 13688, current_date - 5098, true, current_date - 1041),
    (8, 'Sofia Vogel', 'Hamburg', current_date - 24987, current_date - 18102, true, current_date - 321),
    (9, 'Greta Weber', 'Berlin', current_date - 10383, current_date - 2562, false, current_date - 1247),
    (10, 'Julia Rossi', 'Frankfurt', current_date - 13569, current_date - 6153, true, current_date - 662),
    (11, 'Bruno Lindqvist', 'Frankfurt', current_date - 26234, current_date - 16911, false, current_date - 435),
    (12, 'Aylin Fischer', 'Munich', current_date - 11103, current_date - 2761, false, current_date - 1382),
    (13, 'Noah Bauer', 'Leipzig', current_date - 12539, current_date - 5706, false, current_date - 1123),
    (14, 'Ana Moreau', 'Stuttgart', current_date - 17430, current_date - 9004, false, current_date - 543),
    (15, 'Lucas Schmidt', 'Munich', current_date - 18262, current_date - 9045, true, current_date - 741),
    (16, 'Ivan Eriksen', 'Cologne', current_date - 20510, current_date - 11509, false, current_date - 582),
    (17, 'Lena Torres', 'Munich', current_date - 16348, current_date - 8136, true, current_date - 378),
    (18, 'Noah Nieminen', 'Frankfurt', current_date - 19142, current_date - 10521, false, current_date - 477),
    (19, 'Omar Hansen', 'Frankfurt', current_date - 12570, current_date - 3973, false, current_date - 1162),
    (20, 'Oscar Berg', 'Munich', current_date - 21504, current_date - 13807, false, current_date - 1336),
    (21, 'Nadia Jansen', 'Cologne', current_date - 15411, current_date - 6746, false, current_date - 1146),
    (22, 'Ines Torres', 'Munich', current_date - 15414, current_date - 5972, false, current_date - 1256),
    (23, 'Lena Eriksen', 'Cologne', current_date - 18907, current_date - 10792, false, current_date - 1181),
    (24, 'Zoe Weber', 'Frankfurt', current_date - 23751, current_date - 15154, false, current_date - 1069),
    (25, 'Chloe Quinn', 'Munich', current_date - 10863, current_date - 1304, false, current_date - 1302),
    (26, 'Ivan Zimmer', 'Berlin', current_date - 9261, current_date - 2349, false, current_date - 1366),
    (27, 'Noah Mendes', 'Hamburg', current_date - 22988, current_date - 16083, false, current_date - 798),
    (28, 'Karim Nieminen', 'Cologne', current_date - 25771, current_date - 17574, false, current_date - 1289),
    (29, 'Mila Torres', 'Berlin', current_date - 18358, current_date - 11300, false, current_date - 256),
    (30, 'Paula Moreau', 'Frankfurt', current_date - 22416, current_date - 14709, false, current_date - 403),
    (31, 'Ben Adler', 'Frankfurt', current_date - 19204, current_date - 10263, false, current_date - 511),
    (32, 'Lena Jansen', 'Hamburg', current_date - 26413, current_date - 18997, false, current_date - 574),
    (33, 'Karim Rossi', 'Cologne', current_date - 14169, current_date - 6572, false, current_date - 264),
    (34, 'Yusuf Garcia', 'Cologne', current_date - 24926, current_date - 16020, false, current_date - 64);

INSERT INTO rentals (id, car_id, customer_id, pickup_branch_id, return_branch_id, picked_up_at, due_back_at, returned_at, km_driven, status, price) VALUES
    (1, 4, 19, 1, 1, now() - interval '466 days 19 hours 30 minutes', now() - interval '466 days 19 hours 30 minutes' + interval '3 days', NULL, NULL, 'cancelled', 0),
    (2, 18, 22, 3, 3, now() + interval '46 days 14 hours 30 minutes', now() + interval '46 days 14 hours 30 minutes' + interval '7 days', NULL, NULL, 'reserved', 245.7),
    (3, 19, 13, 1, 1, now() - interval '234 days 10 hours 0 minutes', now() - interval '234 days 10 hours 0 minutes' + interval '2 days', now() - interval '234 days 10 hours 0 minutes' + interval '2 days' - interval '2 hours', 404, 'returned', 256.0),
    (4, 16, 20, 4, 3, now() - interval '312 days 12 hours 0 minutes', now() - interval '312 days 12 hours 0 minutes' + interval '7 days', now() - interval '312 days 12 hours 0 minutes' + interval '7 days 1 hours', 1316, 'returned', 346.5),
    (5, 12, 28, 1, 1, now() - interval '373 days 17 hours 0 minutes', now() - interval '373 days 17 hours 0 minutes' + interval '3 days', now() - interval '373 days 17 hours 0 minutes' + interval '3 days 1 hours', 672, 'returned', 225.0),
    (6, 14, 26, 4, 4, now() + interval '1 days 12 hours 30 minutes', now() + interval '1 days 12 hours 30 minutes' + interval '14 days', NULL, NULL, 'reserved', 539.0),
    (7, 30, 22, 5, 5, now() - interval '33 days 11 hours 0 minutes', now() - interval '33 days 11 hours 0 minutes' + interval '7 days', now() - interval '33 days 11 hours 0 minutes' + interval '7 days 1 hours', 399, 'returned', 365.4),
    (8, 14, 21, 4, 4, now() - interval '22 days 8 hours 0 minutes', now() - interval '22 days 8 hours 0 minutes' + interval '3 days', now() - interval '22 days 8 hours 0 minutes' + interval '3 days 26 hours', 624, 'returned', 94.5),
    (9, 19, 24, 1, 1, now() - interval '353 days 13 hours 45 minutes', now() - interval '353 days 13 hours 45 minutes' + interval '10 days', now() - interval '353 days 13 hours 45 minutes' + interval '10 days 0 hours', 1630, 'returned', 1152.0),
    (10, 12, 23, 1, 2, now() - interval '845 days 13 hours 30 minutes', now() - interval '845 days 13 hours 30 minutes' + interval '1 days', NULL, NULL, 'cancelled', 0),
    (11, 27, 8, 2, 2, now() - interval '697 days 16 hours 15 minutes', now() - interval '697 days 16 hours 15 minutes' + interval '3 days', now() - interval '697 days 16 hours 15 minutes' + interval '3 days' - interval '2 hours', 471, 'returned', 105.0),
    (12, 8, 4, 1, 1, now() - interval '21 days 8 hours 15 minutes', now() - interval '21 days 8 hours 15 minutes' + interval '2 days', now() - interval '21 days 8 hours 15 minutes' + interval '2 days 0 hours', 108, 'returned', 104.0),
    (13, 7, 22, 4, 4, now() - interval '380 days 8 hours 15 minutes', now() - interval '380 days 8 hours 15 minutes' + interval '14 days', now() - interval '380 days 8 hours 15 minutes' + interval '14 days 0 hours', 1344, 'returned', 1386.0),
    (14, 29, 10, 5, 5, now() - interval '344 days 10 hours 0 minutes', now() - interval '344 days 10 hours 0 minutes' + interval '4 days', now() - interval '344 days 10 hours 0 minutes' + interval '4 days 0 hours', 172, 'returned', 180.0),
    (15, 12, 29, 1, 1, now() - interval '10 days 7 hours 45 minutes', now() - interval '10 days 7 hours 45 minutes' + interval '7 days', now() - interval '10 days 7 hours 45 minutes' + interval '7 days 0 hours', 1470, 'returned', 525.0),
    (16, 10, 5, 3, 3, now() - interval '4 days 9 hours 0 minutes', now() - interval '4 days 9 hours 0 minutes' + interval '1 days', now() - interval '4 days 9 hours 0 minutes' + interval '1 days' - interval '2 hours', 239, 'returned', 100.0),
    (17, 7, 1, 4, 4, now() - interval '240 days 17 hours 30 minutes', now() - interval '240 days 17 hours 30 minutes' + interval '3 days', now() - interval '240 days 17 hours 30 minutes' + interval '3 days' - interval '2 hours', 612, 'returned', 270.0),
    (18, 19, 14, 1, 1, now() - interval '781 days 18 hours 0 minutes', now() - interval '781 days 18 hours 0 minutes' + interval '2 days', NULL, NULL, 'cancelled', 0),
    (19, 6, 4, 3, 4, now() - interval '303 days 15 hours 30 minutes', now() - interval '303 days 15 hours 30 minutes' + interval '1 days', now() - interval '303 days 15 hours 30 minutes' + interval '1 days 0 hours', 120, 'returned', 85.0),
    (20, 1, 24, 2, 2, now() - interval '237 days 18 hours 30 minutes', now() - interval '237 days 18 hours 30 minutes' + interval '2 days', now() - interval '237 days 18 hours 30 minutes' + interval '2 days' - interval '1 hours', 456, 'returned', 70.0),
    (21, 29, 8, 5, 5, now() - interval '890 days 14 hours 0 minutes', now() - interval '890 days 14 hours 0 minutes' + interval '10 days', NULL, NULL, 'cancelled', 0),
    (22, 23, 27, 3, 5, now() - interval '19 days 10 hours 30 minutes', now() - interval '19 days 10 hours 30 minutes' + interval '10 days', now() - interval '19 days 10 hours 30 minutes' + interval '10 days 1 hours', 1730, 'returned', 288.0),
    (23, 29, 26, 5, 5, now() - interval '307 days 7 hours 0 minutes', now() - interval '307 days 7 hours 0 minutes' + interval '5 days', now() - interval '307 days 7 hours 0 minutes' + interval '5 days 0 hours', 605, 'returned', 202.5),
    (24, 20, 3, 3, 3, now() - interval '897 days 8 hours 0 minutes', now() - interval '897 days 8 hours 0 minutes' + interval '5 days', now() - interval '897 days 8 hours 0 minutes' + interval '5 days 0 hours', 260, 'returned', 247.5),
    (25, 10, 26, 3, 3, now() - interval '278 days 12 hours 15 minutes', now() - interval '278 days 12 hours 15 minutes' + interval '5 days', NULL, NULL, 'cancelled', 0),
    (26, 5, 9, 3, 3, now() - interval '881 days 7 hours 0 minutes', now() - interval '881 days 7 hours 0 minutes' + interval '3 days', NULL, NULL, 'cancelled', 0),
    (27, 25, 4, 5, 5, now() - interval '807 days 17 hours 15 minutes', now() - interval '807 days 17 hours 15 minutes' + interval '2 days', now() - interval '807 days 17 hours 15 minutes' + interval '2 days 26 hours', 520, 'returned', 105.6),
    (28, 21, 16, 2, 2, now() - interval '497 days 18 hours 0 minutes', now() - interval '497 days 18 hours 0 minutes' + interval '10 days', now() - interval '497 days 18 hours 0 minutes' + interval '10 days' - interval '2 hours', 1440, 'returned', 450.0),
    (29, 18, 26, 3, 3, now() - interval '20 days 15 hours 0 minutes', now() - interval '20 days 15 hours 0 minutes' + interval '7 days', now() - interval '20 days 15 hours 0 minutes' + interval '7 days' - interval '2 hours', 1197, 'returned', 245.7),
    (30, 19, 21, 1, 1, now() - interval '875 days 13 hours 30 minutes', now() - interval '875 days 13 hours 30 minutes' + interval '10 days', now() - interval '875 days 13 hours 30 minutes' + interval '10 days 3 hours', 1170, 'returned', 1280.0),
    (31, 20, 5, 3, 2, now() - interval '777 days 7 hours 30 minutes', now() - interval '777 days 7 hours 30 minutes' + interval '1 days', NULL, NULL, 'cancelled', 0),
    (32, 14, 10, 1, 1, now() - interval '231 days 19 hours 30 minutes', now() - interval '231 days 19 hours 30 minutes' + interval '7 days', now() - interval '231 days 19 hours 30 minutes' + interval '7 days 1 hours', 1092, 'returned', 245.0),
    (33, 5, 14, 3, 3, now() - interval '188 days 11 hours 30 minutes', now() - interval '188 days 11 hours 30 minutes' + interval '3 days', now() - interval '188 days 11 hours 30 minutes' + interval '3 days 1 hours', 648, 'returned', 351.0),
    (34, 27, 30, 2, 2, now() - interval '447 days 9 hours 15 minutes', now() - interval '447 days 9 hours 15 minutes' + interval '7 days', now() - interval '447 days 9 hours 15 minutes' + interval '7 days 0 hours', 686, 'returned', 245.0),
    (35, 29, 1, 5, 5, now() - interval '28 days 7 hours 0 minutes', now() - interval '28 days 7 hours 0 minutes' + interval '10 days', now() - interval '28 days 7 hours 0 minutes' + interval '10 days 26 hours', 2130, 'returned', 495.0),
    (36, 26, 4, 3, 3, now() - interval '747 days 13 hours 0 minutes', now() - interval '747 days 13 hours 0 minutes' + interval '1 days', now() - interval '747 days 13 hours 0 minutes' + interval '1 days 3 hours', 115, 'returned', 63.8),
    (37, 4, 20, 1, 1, now() - interval '466 days 18 hours 30 minutes', now() - interval '466 days 18 hours 30 minutes' + interval '3 days', now() - interval '466 days 18 hours 30 minutes' + interval '3 days 3 hours', 606, 'returned', 117.0),
    (38, 21, 11, 1, 1, now() - interval '896 days 7 hours 45 minutes', now() - interval '896 days 7 hours 45 minutes' + interval '5 days', now() - interval '896 days 7 hours 45 minutes' + interval '5 days' - interval '2 hours', 1170, 'returned', 225.0),
    (39, 5, 9, 3, 3, now() - interval '352 days 9 hours 45 minutes', now() - interval '352 days 9 hours 45 minutes' + interval '1 days', now() - interval '352 days 9 hours 45 minutes' + interval '1 days' - interval '2 hours', 111, 'returned', 143.0),
    (40, 10, 16, 3, 3, now() - interval '12 days 18 hours 45 minutes', now() - interval '12 days 18 hours 45 minutes' + interval '5 days', NULL, NULL, 'cancelled', 0),
    (41, 2, 17, 1, 1, now() - interval '293 days 12 hours 0 minutes', now() - interval '293 days 12 hours 0 minutes' + interval '3 days', now() - interval '293 days 12 hours 0 minutes' + interval '3 days 0 hours', 225, 'returned', 315.9),
    (42, 7, 17, 4, 4, now() - interval '821 days 10 hours 0 minutes', now() - interval '821 days 10 hours 0 minutes' + interval '1 days', NULL, NULL, 'cancelled', 0),
    (43, 10, 22, 3, 3, now() - interval '103 days 12 hours 15 minutes', now() - interval '103 days 12 hours 15 minutes' + interval '10 days', now() - interval '103 days 12 hours 15 minutes' + interval '10 days 0 hours', 1040, 'returned', 1000.0),
    (44, 2, 12, 1, 1, now() - interval '4 days 11 hours 0 minutes', now() - interval '4 days 11 hours 0 minutes' + interval '5 days', NULL, NULL, 'on_rent', 526.5),
    (45, 1, 3, 2, 2, now() - interval '22 days 7 hours 30 minutes', now() - interval '22 days 7 hours 30 minutes' + interval '3 days', now() - interval '22 days 7 hours 30 minutes' + interval '3 days 0 hours', 390, 'returned', 105.0),
    (46, 11, 13, 5, 5, now() - interval '752 days 11 hours 15 minutes', now() - interval '752 days 11 hours 15 minutes' + interval '7 days', now() - interval '752 days 11 hours 15 minutes' + interval '7 days' - interval '2 hours', 1260, 'returned', 595.0),
    (47, 20, 1, 3, 3, now() - interval '24 days 17 hours 30 minutes', now() - interval '24 days 17 hours 30 minutes' + interval '7 days', now() - interval '24 days 17 hours 30 minutes' + interval '7 days 26 hours', 1274, 'returned', 315.0),
    (48, 17, 22, 3, 3, now() - interval '212 days 11 hours 15 minutes', now() - interval '212 days 11 hours 15 minutes' + interval '3 days', now() - interval '212 days 11 hours 15 minutes' + interval '3 days 0 hours', 771, 'returned', 310.2),
    (49, 15, 4, 2, 2, now() - interval '676 days 17 hours 15 minutes', now() - interval '676 days 17 hours 15 minutes' + interval '14 days', now() - interval '676 days 17 hours 15 minutes' + interval '14 days 1 hours', 3234, 'returned', 812.0),
    (50, 28, 14, 5, 5, now() - interval '277 days 8 hours 45 minutes', now() - interval '277 days 8 hours 45 minutes' + interval '7 days', now() - interval '277 days 8 hours 45 minutes' + interval '7 days 0 hours', 1435, 'returned', 609.0),
    (51, 30, 4, 5, 5, now() - interval '331 days 19 hours 45 minutes', now() - interval '331 days 19 hours 45 minutes' + interval '10 days', now() - interval '331 days 19 hours 45 minutes' + interval '10 days 0 hours', 2460, 'returned', 580.0),
    (52, 27, 12, 2, 2, now() - interval '253 days 12 hours 30 minutes', now() - interval '253 days 12 hours 30 minutes' + interval '1 days', now() - interval '253 days 12 hours 30 minutes' + interval '1 days' - interval '1 hours', 152, 'returned', 35.0),
    (53, 19, 5, 1, 1, now() - interval '361 days 12 hours 0 minutes', now() - interval '361 days 12 hours 0 minutes' + interval '3 days', now() - interval '361 days 12 hours 0 minutes' + interval '3 days 0 hours', 486, 'returned', 384.0),
    (54, 30, 6, 5, 5, now() - interval '387 days 18 hours 45 minutes', now() - interval '387 days 18 hours 45 minutes' + interval '5 days', now() - interval '387 days 18 hours 45 minutes' + interval '5 days' - interval '1 hours', 830, 'returned', 290.0),
    (55, 15, 18, 2, 2, now() - interval '25 days 8 hours 0 minutes', now() - interval '25 days 8 hours 0 minutes' + interval '3 days', now() - interval '25 days 8 hours 0 minutes' + interval '3 days 0 hours', 258, 'returned', 191.4),
    (56, 25, 17, 5, 5, now() - interval '157 days 11 hours 0 minutes', now() - interval '157 days 11 hours 0 minutes' + interval '10 days', now() - interval '157 days 11 hours 0 minutes' + interval '10 days 3 hours', 1410, 'returned', 480.0),
    (57, 15, 1, 2, 2, now() - interval '216 days 8 hours 15 minutes', now() - interval '216 days 8 hours 15 minutes' + interval '3 days', now() - interval '216 days 8 hours 15 minutes' + interval '3 days 0 hours', 408, 'returned', 174.0),
    (58, 16, 8, 4, 2, now() - interval '315 days 10 hours 45 minutes', now() - interval '315 days 10 hours 45 minutes' + interval '14 days', now() - interval '315 days 10 hours 45 minutes' + interval '14 days 3 hours', 980, 'returned', 630.0),
    (59, 20, 4, 3, 3, now() - interval '411 days 14 hours 30 minutes', now() - interval '411 days 14 hours 30 minutes' + interval '3 days', now() - interval '411 days 14 hours 30 minutes' + interval '3 days 1 hours', 246, 'returned', 135.0),
    (60, 26, 27, 1, 1, now() - interval '684 days 18 hours 45 minutes', now() - interval '684 days 18 hours 45 minutes' + interval '10 days', now() - interval '684 days 18 hours 45 minutes' + interval '10 days 1 hours', 2460, 'returned', 580.0),
    (61, 11, 12, 3, 3, now() - interval '759 days 9 hours 30 minutes', now() - interval '759 days 9 hours 30 minutes' + interval '14 days', now() - interval '759 days 9 hours 30 minutes' + interval '14 days' - interval '2 hours', 1456, 'returned', 1071.0),
    (62, 21, 15, 2, 3, now() - interval '676 days 10 hours 45 minutes', now() - interval '676 days 10 hours 45 minutes' + interval '2 days', NULL, NULL, 'cancelled', 0),
    (63, 21, 5, 2, 2, now() - interval '3 days 19 hours 0 minutes', now() - interval '3 days 19 hours 0 minutes' + interval '2 days', NULL, NULL, 'on_rent', 99.0),
    (64, 15, 14, 2, 2, now() - interval '9 days 8 hours 15 minutes', now() - interval '9 days 8 hours 15 minutes' + interval '7 days', NULL, NULL, 'on_rent', 638.0),
    (65, 6, 10, 3, 3, now() - interval '10 days 14 hours 30 minutes', now() - interval '10 days 14 hours 30 minutes' + interval '3 days', now() - interval '10 days 14 hours 30 minutes' + interval '3 days 0 hours', 513, 'returned', 229.5),
    (66, 11, 20, 5, 3, now() - interval '772 days 8 hours 0 minutes', now() - interval '772 days 8 hours 0 minutes' + interval '12 days', now() - interval '772 days 8 hours 0 minutes' + interval '12 days 1 hours', 2424, 'returned', 1020.0),
    (67, 20, 17, 3, 2, now() - interval '305 days 18 hours 30 minutes', now() - interval '305 days 18 hours 30 minutes' + interval '7 days', now() - interval '305 days 18 hours 30 minutes' + interval '7 days 0 hours', 1561, 'returned', 315.0),
    (68, 30, 19, 5, 5, now() - interval '11 days 15 hours 15 minutes', now() - interval '11 days 15 hours 15 minutes' + interval '4 days', now() - interval '11 days 15 hours 15 minutes' + interval '4 days 1 hours', 440, 'returned', 255.2),
    (69, 19, 4, 1, 2, now() - interval '651 days 13 hours 30 minutes', now() - interval '651 days 13 hours 30 minutes' + interval '7 days', now() - interval '651 days 13 hours 30 minutes' + interval '7 days 0 hours', 448, 'returned', 896.0),
    (70, 3, 28, 2, 2, now() - interval '301 days 15 hours 30 minutes', now() - interval '301 days 15 hours 30 minutes' + interval '14 days', now() - interval '301 days 15 hours 30 minutes' + interval '14 days 0 hours', 1386, 'returned', 541.8),
    (71, 24, 25, 3, 3, now() - interval '40 days 9 hours 30 minutes', now() - interval '40 days 9 hours 30 minutes' + interval '7 days', now() - interval '40 days 9 hours 30 minutes' + interval '7 days 3 hours', 357, 'returned', 245.0),
    (72, 24, 13, 3, 3, now() - interval '242 days 12 hours 45 minutes', now() - interval '242 days 12 hours 45 minutes' + interval '14 days', now() - interval '242 days 12 hours 45 minutes' + interval '14 days 0 hours', 2534, 'returned', 539.0);

INSERT INTO damage_reports (id, rental_id, reported_on, severity, description, repair_cost, charged_to_customer) VALUES
    (1, 7, current_date - 26, 'major', 'Front collision', 5654, 0),
    (2, 11, current_date - 694, 'minor', 'Chipped windscreen', 263, 131.5),
    (3, 13, current_date - 366, 'major', 'Front collision', 2881, 0),
    (4, 17, current_date - 237, 'minor', 'Scratch on rear bumper', 169, 169),
    (5, 19, current_date - 302, 'minor', 'Chipped windscreen', 193, 96.5),
    (6, 20, current_date - 235, 'major', 'Front collision', 3988, 1994.0),
    (7, 22, current_date - 9, 'moderate', 'Broken side mirror', 988, 988),
    (8, 27, current_date - 805, 'moderate', 'Broken side mirror', 898, 0),
    (9, 28, current_date - 487, 'major', 'Flood damage to interior', 2125, 150),
    (10, 34, current_date - 440, 'minor', 'Chipped windscreen', 202, 0),
    (11, 38, current_date - 891, 'moderate', 'Damaged rim and tyre', 1123, 0),
    (12, 41, current_date - 290, 'minor', 'Scratch on rear bumper', 224, 150),
    (13, 46, current_date - 745, 'minor', 'Chipped windscreen', 124, 124),
    (14, 51, current_date - 321, 'moderate', 'Damaged rim and tyre', 519, 259.5),
    (15, 65, current_date - 7, 'major', 'Flood damage to interior', 2344, 1172.0),
    (16, 72, current_date - 228, 'moderate', 'Broken side mirror', 1166, 150);

-- Keep the generated rows consistent: a customer signed up before their first rental.
UPDATE customers c SET signed_up_on = f.first_pickup - 3
FROM (SELECT customer_id, min(picked_up_at)::date AS first_pickup FROM rentals GROUP BY customer_id) f
WHERE f.customer_id = c.id AND c.signed_up_on > f.first_pickup - 3;
