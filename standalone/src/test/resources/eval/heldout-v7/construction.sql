-- A building contractor: clients and their sites, workers by trade with their timesheets, material orders from
-- suppliers, and building-control inspections. Data is generated deterministically, dated relative to current_date.

CREATE TYPE trade AS ENUM ('carpenter', 'electrician', 'plumber', 'bricklayer', 'labourer', 'painter', 'roofer');

CREATE TABLE clients (
    client_id      serial PRIMARY KEY,
    name           text NOT NULL,
    contact_email  text,
    phone          text,
    is_commercial  boolean NOT NULL DEFAULT false
);

CREATE TABLE workers (
    worker_id      serial PRIMARY KEY,
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    trade          trade NOT NULL,
    hourly_rate    numeric(6, 2) NOT NULL,
    hired_on       date NOT NULL,
    is_active      boolean NOT NULL DEFAULT true,
    supervisor_id  integer REFERENCES workers (worker_id)
);
COMMENT ON COLUMN workers.supervisor_id IS 'the foreman this worker reports to';

CREATE TABLE sites (
    site_id         serial PRIMARY KEY,
    client_id       integer NOT NULL REFERENCES clients (client_id),
    name            text NOT NULL UNIQUE,
    address         text NOT NULL,
    city            text NOT NULL,
    status          text NOT NULL CHECK (status IN ('planned', 'in_progress', 'on_hold', 'completed')),
    started_on      date,
    due_on          date NOT NULL,
    completed_on    date,
    contract_value  numeric(12, 2) NOT NULL,
    site_manager_id integer REFERENCES workers (worker_id)
);
COMMENT ON COLUMN sites.due_on IS 'contractual completion date';

CREATE TABLE timesheets (
    timesheet_id  serial PRIMARY KEY,
    worker_id     integer NOT NULL REFERENCES workers (worker_id),
    site_id       integer NOT NULL REFERENCES sites (site_id),
    work_date     date NOT NULL,
    hours         numeric(4, 2) NOT NULL CHECK (hours > 0 AND hours <= 14),
    approved      boolean NOT NULL DEFAULT false
);

CREATE TABLE suppliers (
    supplier_id  serial PRIMARY KEY,
    name         text NOT NULL,
    city         text NOT NULL,
    rating       smallint CHECK (rating BETWEEN 1 AND 5)
);
COMMENT ON COLUMN suppliers.rating IS 'our own 1-5 rating of the supplier; NULL if not yet rated';

CREATE TABLE material_orders (
    order_id     serial PRIMARY KEY,
    site_id      integer NOT NULL REFERENCES sites (site_id),
    supplier_id  integer NOT NULL REFERENCES suppliers (supplier_id),
    material     text NOT NULL,
    quantity     numeric(10, 2) NOT NULL,
    unit         text NOT NULL CHECK (unit IN ('each', 'm', 'm2', 'm3', 'kg', 'tonne', 'bag')),
    unit_price   numeric(10, 2) NOT NULL,
    ordered_on   date NOT NULL,
    expected_on  date NOT NULL,
    delivered_on date,
    status       text NOT NULL CHECK (status IN ('ordered', 'delivered', 'cancelled'))
);

CREATE TABLE inspections (
    inspection_id  serial PRIMARY KEY,
    site_id        integer NOT NULL REFERENCES sites (site_id),
    inspector_name text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('foundation', 'framing', 'electrical', 'plumbing', 'fire', 'final')),
    inspected_on   date NOT NULL,
    result         text NOT NULL CHECK (result IN ('pass', 'fail', 'conditional')),
    notes          text
);

INSERT INTO clients (name, contact_email, phone, is_commercial)
VALUES ('Halden Homes', 'projects@haldenhomes.co.uk', '0113 496 0101', true),
       ('Priya and Tom Shah', 'shahfamily@example.com', NULL, false),
       ('Aire Valley Housing Association', 'build@avha.org.uk', '0113 496 0233', true),
       ('Northgate Retail Ltd', NULL, '0161 496 0877', true),
       ('St Mary''s Primary School', 'bursar@stmarys.sch.uk', '01904 496 120', true),
       ('Gareth Lloyd', 'g.lloyd@example.com', '07700 900123', false),
       ('Kingsway Property Group', 'dev@kingswaypg.com', '0114 496 0456', true),
       ('Morrow Brewing Co', 'ops@morrowbrewing.co.uk', NULL, true),
       ('Elaine Fraser', NULL, '07700 900456', false),
       ('City of York Council', 'estates@york.gov.uk', '01904 496 000', true),
       ('Bramley Medical Centre', 'practice.manager@bramleymc.nhs.uk', '0113 496 0777', true),
       ('Daniel and Ruth Okoye', 'okoye.home@example.com', '07700 900789', false);

INSERT INTO workers (first_name, last_name, trade, hourly_rate, hired_on, is_active, supervisor_id)
SELECT (ARRAY['Tom', 'Gary', 'Steve', 'Lee', 'Darren', 'Jamie', 'Paul', 'Kieran', 'Mark', 'Ryan', 'Sean', 'Craig',
              'Dean', 'Wayne', 'Adam', 'Nathan', 'Karen', 'Jodie', 'Marek', 'Piotr', 'Tariq', 'Liam'])[1 + (n - 1) % 22],
       (ARRAY['Baker', 'Holt', 'Fletcher', 'Wood', 'Marsh', 'Kowalski', 'Hughes', 'Patel', 'Doyle', 'Shaw',
              'Reid', 'Barker', 'Nowak'])[1 + (n * 5) % 13],
       (ARRAY['carpenter', 'electrician', 'plumber', 'bricklayer', 'labourer', 'labourer', 'painter', 'roofer',
              'bricklayer', 'carpenter'])[1 + n % 10]::trade,
       18 + (n * 379) % 2300 / 100.0,
       current_date - (60 + (n * 173) % 4000),
       n % 11 <> 0,
       CASE WHEN n <= 4 THEN NULL ELSE 1 + n % 4 END
FROM generate_series(1, 60) n;

INSERT INTO sites (client_id, name, address, city, status, started_on, due_on, completed_on, contract_value, site_manager_id)
SELECT (ARRAY[1, 7, 1, 6, 5, 4, 3, 11, 2, 3, 8, 9, 7, 3, 1, 12, 10, 2, 7, 10])[s],
       (ARRAY['Riverside Apartments', 'Kingsway Offices', 'Harbour View Flats', 'Oak Lane Extension',
              'St Mary''s School Hall', 'Northgate Retail Park', 'Mill Street Conversion', 'Bramley Surgery Refit',
              'Elm Court Loft', 'Castle Road Terrace', 'Brewery Warehouse Fit-out', 'Fraser Kitchen Extension',
              'Station Quarter Block B', 'Meadow Close Bungalows', 'Victoria Dock Studios', 'Chapel Hill Garage',
              'Westfield Care Home', 'Parkside Garden Room', 'Albion Works', 'Greenbank Library'])[s],
       (10 + s * 7) || ' ' || (ARRAY['High Street', 'Church Lane', 'Station Road', 'Mill Road', 'Park Avenue'])[1 + s % 5],
       (ARRAY['Leeds', 'Manchester', 'York', 'Sheffield', 'Bradford', 'Leeds', 'Manchester'])[1 + s % 7],
       x.status,
       CASE WHEN x.status = 'planned' THEN NULL ELSE current_date - (60 + (s * 89) % 600) END,
       CASE WHEN x.status = 'planned' THEN current_date + 200 + s * 10
            ELSE current_date - (60 + (s * 89) % 600) + 120 + (s * 31) % 300 END,
       CASE WHEN x.status = 'completed'
            THEN least(current_date - (60 + (s * 89) % 600) + 100 + (s * 43) % 340, current_date - 3 - s) END,
       (ARRAY[2400000, 1850000, 3100000, 65000, 420000, 2750000, 960000, 310000, 48000, 1200000, 540000, 38000,
              4200000, 1650000, 880000, 27000, 2950000, 22000, 1400000, 760000])[s],
       CASE WHEN s % 6 = 0 THEN NULL ELSE 1 + s % 4 END
FROM generate_series(1, 20) s
CROSS JOIN LATERAL (SELECT (ARRAY['in_progress', 'completed', 'in_progress', 'planned', 'completed', 'on_hold',
                                  'in_progress', 'completed', 'in_progress', 'completed'])[1 + s % 10] AS status) x;

INSERT INTO timesheets (worker_id, site_id, work_date, hours, approved)
SELECT w.worker_id, site.site_id, d.day, 6 + (w.worker_id + d.n) % 5 + ((w.worker_id * d.n) % 4) * 0.25, d.day < current_date - 7
FROM workers w
CROSS JOIN LATERAL (SELECT n, current_date - n AS day FROM generate_series(1, 420) n) d
CROSS JOIN LATERAL (SELECT s.site_id FROM sites s
                    WHERE s.status IN ('in_progress', 'completed', 'on_hold')
                      AND d.day BETWEEN s.started_on AND coalesce(s.completed_on, current_date)
                    ORDER BY (s.site_id * 7 + w.worker_id) % 11, s.site_id LIMIT 1) site
WHERE extract(isodow FROM d.day) < 6
  AND (w.worker_id + d.n) % 9 = 0
  AND w.worker_id NOT IN (57, 58, 59)
  AND (w.is_active OR d.n > 200);

INSERT INTO suppliers (name, city, rating)
VALUES ('Northern Timber Ltd', 'Leeds', 4), ('Pennine Aggregates', 'Huddersfield', 3),
       ('BrightSpark Electrical Wholesale', 'Manchester', 5), ('Yorkstone Supplies', 'York', NULL),
       ('Dale Plumbing Merchants', 'Sheffield', 4), ('Capital Roofing Supplies', 'Bradford', 2),
       ('Mersey Steel Stockholders', 'Liverpool', 3), ('Harrogate Paints', 'Harrogate', NULL),
       ('Calder Concrete', 'Wakefield', 4), ('Brick & Block Direct', 'Leeds', 1);

INSERT INTO material_orders (site_id, supplier_id, material, quantity, unit, unit_price, ordered_on, expected_on,
                             delivered_on, status)
SELECT site.site_id, m.supplier_id, m.material, 5 + (o * 17) % 400, m.unit, m.price * (100 + o % 15) / 100.0,
       x.ordered_on, x.ordered_on + 3 + o % 10,
       CASE WHEN x.status = 'delivered' THEN x.ordered_on + 1 + (o * 7) % 16 END,
       x.status
FROM generate_series(1, 260) o
CROSS JOIN LATERAL (SELECT (ARRAY[1, 2, 3, 4, 5, 6, 7, 9, 10, 1, 3, 9])[1 + o % 12] AS supplier_id) sp
CROSS JOIN LATERAL (SELECT sp.supplier_id,
                           CASE sp.supplier_id WHEN 1 THEN 'timber joists' WHEN 2 THEN 'MOT type 1 sub-base'
                                WHEN 3 THEN 'twin and earth cable' WHEN 4 THEN 'natural stone flags'
                                WHEN 5 THEN 'copper pipe' WHEN 6 THEN 'roof tiles' WHEN 7 THEN 'steel beams'
                                WHEN 9 THEN 'ready-mix concrete' ELSE 'facing bricks' END AS material,
                           CASE sp.supplier_id WHEN 1 THEN 'm' WHEN 2 THEN 'tonne' WHEN 3 THEN 'm' WHEN 4 THEN 'm2'
                                WHEN 5 THEN 'm' WHEN 6 THEN 'each' WHEN 7 THEN 'each' WHEN 9 THEN 'm3'
                                ELSE 'each' END AS unit,
                           CASE sp.supplier_id WHEN 1 THEN 6.40 WHEN 2 THEN 28.00 WHEN 3 THEN 1.15 WHEN 4 THEN 42.00
                                WHEN 5 THEN 4.80 WHEN 6 THEN 1.90 WHEN 7 THEN 310.00 WHEN 9 THEN 118.00
                                ELSE 0.85 END AS price) m
CROSS JOIN LATERAL (SELECT current_date - (o * 23) % 400 AS ordered_on,
                           CASE WHEN o % 17 = 0 THEN 'cancelled'
                                WHEN (o * 23) % 400 < 12 THEN 'ordered'
                                WHEN o % 29 = 0 THEN 'ordered'
                                ELSE 'delivered' END AS status) x
CROSS JOIN LATERAL (SELECT s.site_id FROM sites s
                    WHERE s.status <> 'planned'
                      AND x.ordered_on BETWEEN s.started_on - 14 AND coalesce(s.completed_on, current_date)
                    ORDER BY (s.site_id * 3 + o) % 7, s.site_id LIMIT 1) site;

INSERT INTO inspections (site_id, inspector_name, kind, inspected_on, result, notes)
SELECT s.site_id,
       (ARRAY['J. Whitaker', 'R. Ahmed', 'S. Collins', 'M. Booth'])[1 + (s.site_id + k) % 4],
       (ARRAY['foundation', 'framing', 'electrical', 'plumbing', 'fire', 'final'])[k],
       s.started_on + k * 25 + s.site_id % 9,
       CASE WHEN (s.site_id + k * 3) % 7 = 0 THEN 'fail' WHEN (s.site_id + k) % 5 = 0 THEN 'conditional' ELSE 'pass' END,
       CASE WHEN (s.site_id + k * 3) % 7 = 0 THEN 'remedial work required before sign-off' END
FROM sites s
CROSS JOIN generate_series(1, 6) k
WHERE s.started_on IS NOT NULL
  AND s.started_on + k * 25 + s.site_id % 9 <= coalesce(s.completed_on, current_date)
  AND s.site_id NOT IN (6, 17)
  AND (k < 6 OR s.status = 'completed');
