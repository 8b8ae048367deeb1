-- A self-storage company: customers rent lockable units at a handful of sites. Table names are singular.

CREATE TYPE unit_size AS ENUM ('locker', 'small', 'medium', 'large', 'extra large');

CREATE TABLE facility (
    facility_id    integer PRIMARY KEY,
    name           text NOT NULL UNIQUE,
    city           text NOT NULL,
    opened_on      date NOT NULL,
    manager_name   text NOT NULL,
    has_24h_access boolean NOT NULL
);
COMMENT ON TABLE facility IS 'A storage site. Each site has one manager.';
COMMENT ON COLUMN facility.has_24h_access IS 'Whether customers can get in at any hour with their PIN, rather than only during opening hours.';

CREATE TABLE unit (
    unit_id            integer PRIMARY KEY,
    facility_id        integer NOT NULL REFERENCES facility (facility_id),
    unit_code          text NOT NULL UNIQUE,
    size               unit_size NOT NULL,
    floor_level        integer NOT NULL CHECK (floor_level BETWEEN 0 AND 2),
    climate_controlled boolean NOT NULL,
    area_sqft          numeric(6,1) NOT NULL,
    list_rate          numeric(7,2) NOT NULL,
    out_of_service     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE unit IS 'A lockable storage unit that can be rented.';
COMMENT ON COLUMN unit.unit_code IS 'The code painted on the door: site, floor and number.';
COMMENT ON COLUMN unit.floor_level IS 'The floor the unit is on, where 0 is the ground floor.';
COMMENT ON COLUMN unit.area_sqft IS 'Floor area in square feet.';
COMMENT ON COLUMN unit.list_rate IS 'The advertised monthly rent for the unit in pounds; an actual rental may have agreed a different rent.';
COMMENT ON COLUMN unit.out_of_service IS 'Set while a unit is damaged or being repaired and cannot be let.';

CREATE TABLE customer (
    customer_id   integer PRIMARY KEY,
    first_name    text NOT NULL,
    last_name     text NOT NULL,
    email         text NOT NULL UNIQUE,
    customer_type text NOT NULL CHECK (customer_type IN ('Personal', 'Business')),
    signed_up     timestamp NOT NULL,
    referred_by   integer REFERENCES customer (customer_id)
);
COMMENT ON COLUMN customer.signed_up IS 'When the customer created their account.';
COMMENT ON COLUMN customer.referred_by IS 'The existing customer who recommended us to this one, if any.';

CREATE TABLE rental (
    rental_id    integer PRIMARY KEY,
    unit_id      integer NOT NULL REFERENCES unit (unit_id),
    customer_id  integer NOT NULL REFERENCES customer (customer_id),
    move_in      date NOT NULL,
    move_out     date,
    monthly_rent numeric(7,2) NOT NULL,
    deposit      numeric(7,2) NOT NULL,
    cover_level  text NOT NULL CHECK (cover_level IN ('None', 'Basic', 'Premium'))
);
COMMENT ON TABLE rental IS 'One customer renting one unit for a period.';
COMMENT ON COLUMN rental.move_out IS 'The day the customer moved out and handed back the key. Empty while the rental is still running.';
COMMENT ON COLUMN rental.monthly_rent IS 'The rent agreed for this rental, in pounds per month.';
COMMENT ON COLUMN rental.cover_level IS 'The contents insurance the customer bought with the rental.';

CREATE TABLE invoice (
    invoice_id   integer PRIMARY KEY,
    rental_id    integer NOT NULL REFERENCES rental (rental_id),
    period_start date NOT NULL,
    amount       numeric(8,2) NOT NULL,
    due_date     date NOT NULL,
    paid_at      timestamp
);
COMMENT ON TABLE invoice IS 'A monthly rent invoice. Invoices are raised on the first day of the month they cover.';
COMMENT ON COLUMN invoice.paid_at IS 'When the payment arrived. Empty if the invoice has not been paid.';

CREATE TABLE gate_entry (
    entry_id    integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customer (customer_id),
    facility_id integer NOT NULL REFERENCES facility (facility_id),
    entered_at  timestamp NOT NULL,
    method      text NOT NULL CHECK (method IN ('PIN', 'App', 'Staff'))
);
COMMENT ON TABLE gate_entry IS 'Every time a customer opens the site gate. Exits are not recorded.';
COMMENT ON COLUMN gate_entry.method IS 'How the gate was opened: keypad PIN, the mobile app, or let in by staff.';

INSERT INTO facility VALUES
    (1, 'Bristol Temple Meads', 'Bristol', current_date - 3400, 'Karen Hollis', true),
    (2, 'Bath Riverside', 'Bath', current_date - 2700, 'Dev Sharma', false),
    (3, 'Swindon Link Park', 'Swindon', current_date - 2100, 'Marcus Webb', true),
    (4, 'Gloucester Docks', 'Gloucester', current_date - 1500, 'Fiona Burke', false),
    (5, 'Cheltenham Kingsditch', 'Cheltenham', current_date - 12, 'Sam Okafor', true);

-- 50 units per site, sizes cycling, a few out of service
INSERT INTO unit
SELECT u,
       (u - 1) / 50 + 1,
       (ARRAY['BRS', 'BTH', 'SWI', 'GLO', 'CHL'])[(u - 1) / 50 + 1] || '-' || (ARRAY['G', '1', '2'])[(u % 3) + 1] || lpad(((u - 1) % 50 + 1)::text, 2, '0'),
       (ARRAY['locker', 'locker', 'small', 'small', 'small', 'medium', 'medium', 'large', 'large', 'extra large'])[(u % 10) + 1]::unit_size,
       u % 3,
       u % 4 = 0,
       (ARRAY[15, 15, 35, 35, 40, 75, 80, 150, 160, 250])[(u % 10) + 1],
       round(((ARRAY[25, 25, 55, 55, 60, 95, 100, 160, 170, 245])[(u % 10) + 1] + CASE WHEN u % 4 = 0 THEN 15 ELSE 0 END)
             * (ARRAY[1.10, 1.05, 0.95, 0.90, 1.00])[(u - 1) / 50 + 1], 2),
       u % 47 = 0
FROM generate_series(1, 250) u;

-- 400 customers with rentals, then 20 who signed up and never rented
INSERT INTO customer
SELECT c,
       (ARRAY['Chloe', 'Liam', 'Aisha', 'Noah', 'Ella', 'Harvey', 'Maya', 'Oscar', 'Zara', 'Finley', 'Isla', 'Reuben',
              'Leah', 'Theo', 'Amber', 'Jacob', 'Nina', 'Kai', 'Poppy', 'Ethan'])[(c % 20) + 1],
       (ARRAY['Evans', 'Thomas', 'Roberts', 'Price', 'Hughes', 'Lewis', 'Morgan', 'Davies', 'Jenkins', 'Powell', 'Rees',
              'Griffiths', 'Owen', 'Bevan', 'Phillips', 'Pugh', 'Harris', 'Lloyd', 'James', 'Watkins', 'Parry'])[(c % 21) + 1],
       'customer' || c || '@example.co.uk',
       CASE WHEN c % 6 = 0 THEN 'Business' ELSE 'Personal' END,
       CASE WHEN c <= 400 THEN current_date - 1200 + (c * 3) - 1 ELSE current_date - 100 + (c - 400) * 4 END
           + make_interval(hours => 8 + c % 12, mins => (c * 7) % 60),
       CASE WHEN c % 9 = 0 AND c > 20 THEN c - 11 END
FROM generate_series(1, 420) c;

-- every unit in service at the four older sites is let in turn; some stand empty for a while between tenants
INSERT INTO rental
SELECT row_number() OVER (ORDER BY s.move_in, s.unit_id), s.unit_id, s.customer_id, s.move_in,
       CASE WHEN s.move_in + s.len <= current_date THEN s.move_in + s.len END,
       s.rent, s.rent, s.cover
FROM (SELECT u.unit_id,
             ((u.unit_id * 31 + k * 17) % 400) + 1 AS customer_id,
             current_date - 1150 + (u.unit_id * 7) % 60 + k * (150 + (u.unit_id * 37) % 400 + 10 + (u.unit_id * 13) % 50) AS move_in,
             150 + (u.unit_id * 37) % 400 AS len,
             round(u.list_rate * (1 - (k % 3) * 0.05), 2) AS rent,
             (ARRAY['None', 'None', 'Basic', 'Basic', 'Premium'])[((u.unit_id + k) % 5) + 1] AS cover
      FROM unit u CROSS JOIN generate_series(0, 8) k
      WHERE u.facility_id < 5 AND NOT u.out_of_service) s
WHERE s.move_in <= current_date
  AND NOT (s.unit_id % 11 = 0 AND s.move_in > current_date - 300);

INSERT INTO invoice
SELECT row_number() OVER (ORDER BY p.period_start, r.rental_id), r.rental_id, p.period_start::date, r.monthly_rent,
       p.period_start::date + 7,
       CASE WHEN r.rental_id % 13 = 0 AND p.period_start > current_date - 75 THEN NULL
            WHEN p.period_start + ((r.rental_id + n) % 5) * interval '1 day' > current_date THEN NULL
            WHEN (r.rental_id + n) % 17 = 0 THEN p.period_start + (10 + r.rental_id % 9) * interval '1 day' + interval '14 hours 5 minutes'
            ELSE p.period_start + ((r.rental_id + n) % 5) * interval '1 day' + make_interval(hours => 9 + (r.rental_id + n) % 9, mins => (n * 11) % 60) END
FROM rental r
CROSS JOIN LATERAL generate_series(0, 60) n
CROSS JOIN LATERAL (SELECT (date_trunc('month', r.move_in) + n * interval '1 month')::date AS period_start) p
WHERE p.period_start <= coalesce(r.move_out, current_date);
UPDATE invoice SET paid_at = NULL WHERE paid_at > localtimestamp;

INSERT INTO gate_entry
SELECT row_number() OVER (ORDER BY e.entered_at, r.rental_id), r.customer_id, u.facility_id, e.entered_at,
       (ARRAY['PIN', 'PIN', 'App', 'App', 'PIN', 'Staff'])[((r.rental_id + n) % 6) + 1]
FROM rental r
JOIN unit u ON u.unit_id = r.unit_id
CROSS JOIN LATERAL generate_series(0, 100) n
CROSS JOIN LATERAL (SELECT r.move_in + n * (20 + r.rental_id % 40) * interval '1 day'
                           + make_interval(hours => 7 + (r.rental_id + n) % 14, mins => (r.rental_id * 13 + n) % 60) AS entered_at) e
WHERE e.entered_at <= coalesce(r.move_out, current_date - 1)::timestamp + interval '20 hours';
