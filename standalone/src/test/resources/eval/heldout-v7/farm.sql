-- A farming co-operative: member farms and their fields, what was planted and harvested, the shared machinery
-- members book, and the co-operative's sales of members' produce to buyers. Data is generated deterministically,
-- dated relative to current_date.

CREATE TYPE crop_category AS ENUM ('cereal', 'oilseed', 'pulse', 'root', 'vegetable', 'fruit', 'forage');

CREATE TABLE member_farms (
    farm_id         serial PRIMARY KEY,
    name            text NOT NULL UNIQUE,
    owner_name      text NOT NULL,
    village         text NOT NULL,
    joined_on       date NOT NULL,
    is_organic      boolean NOT NULL DEFAULT false,
    left_on         date
);
COMMENT ON COLUMN member_farms.left_on IS 'date the farm left the co-operative; NULL for current members';

CREATE TABLE fields (
    field_id    serial PRIMARY KEY,
    farm_id     integer NOT NULL REFERENCES member_farms (farm_id),
    name        text NOT NULL,
    area_ha     numeric(6, 2) NOT NULL,
    soil_type   text NOT NULL CHECK (soil_type IN ('clay', 'loam', 'sandy', 'silt', 'peat')),
    irrigated   boolean NOT NULL DEFAULT false
);
COMMENT ON COLUMN fields.area_ha IS 'area in hectares';

CREATE TABLE crops (
    crop_id          serial PRIMARY KEY,
    name             text NOT NULL UNIQUE,
    category         crop_category NOT NULL,
    target_yield_t_ha numeric(5, 2)
);
COMMENT ON COLUMN crops.target_yield_t_ha IS 'expected yield in tonnes per hectare';

CREATE TABLE plantings (
    planting_id          serial PRIMARY KEY,
    field_id             integer NOT NULL REFERENCES fields (field_id),
    crop_id              integer NOT NULL REFERENCES crops (crop_id),
    sown_on              date NOT NULL,
    expected_harvest_on  date NOT NULL,
    seed_kg              numeric(8, 1),
    status               text NOT NULL CHECK (status IN ('planned', 'growing', 'harvested', 'failed'))
);

CREATE TABLE harvests (
    harvest_id    serial PRIMARY KEY,
    planting_id   integer NOT NULL REFERENCES plantings (planting_id),
    harvested_on  date NOT NULL,
    quantity_t    numeric(8, 2) NOT NULL,
    moisture_pct  numeric(4, 1),
    grade         text NOT NULL CHECK (grade IN ('premium', 'standard', 'feed'))
);
COMMENT ON COLUMN harvests.quantity_t IS 'tonnes harvested';

CREATE TABLE machinery (
    machine_id        serial PRIMARY KEY,
    name              text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('tractor', 'combine', 'sprayer', 'drill', 'baler', 'trailer')),
    purchased_on      date NOT NULL,
    purchase_price    numeric(10, 2) NOT NULL,
    hourly_rate       numeric(6, 2) NOT NULL,
    last_serviced_on  date,
    in_service        boolean NOT NULL DEFAULT true
);
COMMENT ON COLUMN machinery.hourly_rate IS 'what a member is charged per hour of use';
COMMENT ON COLUMN machinery.in_service IS 'false while the machine is broken down or retired';

CREATE TABLE machine_bookings (
    booking_id   serial PRIMARY KEY,
    machine_id   integer NOT NULL REFERENCES machinery (machine_id),
    farm_id      integer NOT NULL REFERENCES member_farms (farm_id),
    start_date   date NOT NULL,
    end_date     date NOT NULL,
    hours_used   numeric(6, 1),
    status       text NOT NULL CHECK (status IN ('requested', 'confirmed', 'completed', 'cancelled'))
);
COMMENT ON COLUMN machine_bookings.hours_used IS 'recorded when the machine comes back; NULL until then';

CREATE TABLE buyers (
    buyer_id  serial PRIMARY KEY,
    name      text NOT NULL,
    kind      text NOT NULL CHECK (kind IN ('mill', 'maltster', 'supermarket', 'wholesaler', 'feed_merchant')),
    country   text NOT NULL DEFAULT 'United Kingdom'
);

CREATE TABLE sales (
    sale_id         serial PRIMARY KEY,
    buyer_id        integer NOT NULL REFERENCES buyers (buyer_id),
    farm_id         integer NOT NULL REFERENCES member_farms (farm_id),
    crop_id         integer NOT NULL REFERENCES crops (crop_id),
    sold_on         date NOT NULL,
    quantity_t      numeric(8, 2) NOT NULL,
    price_per_t     numeric(8, 2) NOT NULL,
    invoice_due_on  date NOT NULL,
    paid_on         date
);
COMMENT ON COLUMN sales.paid_on IS 'when the buyer paid the invoice; NULL while unpaid';

INSERT INTO member_farms (name, owner_name, village, joined_on, is_organic, left_on)
SELECT (ARRAY['Hill Top Farm', 'Brook Farm', 'Manor Farm', 'Ash Tree Farm', 'Lower Green Farm', 'Oakleigh Farm',
              'Church Farm', 'Windmill Farm', 'Fenside Farm', 'Home Farm', 'Rookery Farm', 'Moat Farm',
              'Crossways Farm', 'Highfield Farm', 'Willow Farm', 'Stonebridge Farm', 'Poplar Farm', 'Redhouse Farm'])[f],
       (ARRAY['John Atkins', 'Mary Holloway', 'Richard Pell', 'Susan Tate', 'David Cranfield', 'Helen Ward',
              'Peter Rudd', 'Anne Gosling', 'Michael Fenn', 'Catherine Dyer', 'Robert Bloom', 'Jane Kettle',
              'William Sharpe', 'Elizabeth Moore', 'George Lamb', 'Sarah Pike', 'Edward Thorne', 'Lucy Bright'])[f],
       (ARRAY['Little Ashby', 'Great Ashby', 'Fenton', 'Upper Marsh', 'Kingsbridge'])[1 + f % 5],
       current_date - (400 + (f * 397) % 6000),
       f % 4 = 1,
       CASE WHEN f IN (9, 16) THEN current_date - 100 - f * 10 END
FROM generate_series(1, 18) f;

INSERT INTO fields (farm_id, name, area_ha, soil_type, irrigated)
SELECT 1 + (n - 1) % 18,
       (ARRAY['Long Acre', 'Top Field', 'Bottom Meadow', 'Ten Acre', 'Church Piece', 'Big Field', 'Middle Ground',
              'Barn Close', 'River Field', 'Pond Field', 'Windmill Piece', 'Lane Field'])[1 + ((n - 1) / 18 + (n - 1) % 18) % 12],
       4 + (n * 37) % 380 / 10.0,
       (ARRAY['clay', 'loam', 'loam', 'sandy', 'silt', 'clay', 'loam', 'peat'])[1 + (n * 3) % 8],
       n % 6 = 0
FROM generate_series(1, 90) n;

INSERT INTO crops (name, category, target_yield_t_ha)
VALUES ('winter wheat', 'cereal', 8.5), ('spring barley', 'cereal', 6.0), ('winter barley', 'cereal', 7.2),
       ('oats', 'cereal', 5.8), ('oilseed rape', 'oilseed', 3.4), ('field beans', 'pulse', 4.2),
       ('peas', 'pulse', 3.9), ('sugar beet', 'root', 75.0), ('potatoes', 'root', 45.0), ('onions', 'vegetable', 50.0),
       ('carrots', 'vegetable', 60.0), ('apples', 'fruit', 30.0), ('grass silage', 'forage', 35.0),
       ('linseed', 'oilseed', NULL);

INSERT INTO plantings (field_id, crop_id, sown_on, expected_harvest_on, seed_kg, status)
SELECT f.field_id,
       c.crop_id,
       s.sown_on,
       s.sown_on + 150 + (f.field_id * 7) % 60,
       CASE WHEN f.field_id % 13 = 0 THEN NULL ELSE round(f.area_ha * (120 + c.crop_id * 9 % 90)) END,
       CASE WHEN y = 0 AND s.sown_on > current_date THEN 'planned'
            WHEN s.sown_on + 150 + (f.field_id * 7) % 60 > current_date THEN 'growing'
            WHEN (f.field_id + y) % 19 = 0 THEN 'failed'
            ELSE 'harvested' END
FROM fields f
CROSS JOIN generate_series(0, 3) y
CROSS JOIN LATERAL (SELECT (ARRAY[1, 2, 5, 6, 1, 3, 9, 8, 1, 4, 7, 10, 11, 13, 1, 5, 2])[1 + (f.field_id + y * 3) % 17]
                           AS crop_id) pick
JOIN crops c ON c.crop_id = pick.crop_id
CROSS JOIN LATERAL (SELECT current_date - y * 365 - 120 + (f.field_id * 11) % 150 AS sown_on) s
WHERE (f.field_id + y) % 23 <> 0;

INSERT INTO harvests (planting_id, harvested_on, quantity_t, moisture_pct, grade)
SELECT p.planting_id,
       p.expected_harvest_on + (p.planting_id % 15) - 5 + (k - 1) * 12,
       round(fl.area_ha * coalesce(c.target_yield_t_ha, 2.0) * (70 + (p.planting_id * 7) % 45) / 100.0
             / CASE WHEN c.category IN ('root', 'vegetable') THEN 2 ELSE 1 END, 2),
       CASE WHEN c.category IN ('cereal', 'oilseed', 'pulse') THEN 12 + (p.planting_id % 70) / 10.0 END,
       (ARRAY['standard', 'premium', 'standard', 'feed', 'standard', 'premium'])[1 + (p.planting_id + k) % 6]
FROM plantings p
JOIN fields fl ON fl.field_id = p.field_id
JOIN crops c ON c.crop_id = p.crop_id
CROSS JOIN generate_series(1, 2) k
WHERE p.status = 'harvested'
  AND (k = 1 OR c.category IN ('root', 'vegetable'))
  AND p.expected_harvest_on + (p.planting_id % 15) - 5 + (k - 1) * 12 < current_date;

INSERT INTO machinery (name, kind, purchased_on, purchase_price, hourly_rate, last_serviced_on, in_service)
VALUES ('John Deere 6155R', 'tractor', current_date - 2900, 118000, 38.00, current_date - 40, true),
       ('Massey Ferguson 7718', 'tractor', current_date - 2100, 96500, 35.00, current_date - 210, true),
       ('Fendt 724 Vario', 'tractor', current_date - 700, 162000, 45.00, current_date - 20, true),
       ('Claas Lexion 760', 'combine', current_date - 3300, 385000, 160.00, current_date - 120, true),
       ('New Holland CR8.90', 'combine', current_date - 1200, 420000, 175.00, current_date - 300, false),
       ('Amazone UX 5201', 'sprayer', current_date - 1600, 72000, 42.00, NULL, true),
       ('Horsch Pronto 6 DC', 'drill', current_date - 2500, 88000, 55.00, current_date - 400, true),
       ('Vaderstad Rapid 400', 'drill', current_date - 4200, 41000, 40.00, current_date - 650, false),
       ('Krone Comprima V150', 'baler', current_date - 1900, 64000, 48.00, current_date - 90, true),
       ('Richard Western 14t', 'trailer', current_date - 3500, 22000, 12.00, current_date - 500, true),
       ('Bailey 16t Grain', 'trailer', current_date - 900, 28500, 14.00, current_date - 60, true),
       ('Kuhn Merge Maxx 950', 'baler', current_date - 300, 59000, 46.00, NULL, true);

INSERT INTO machine_bookings (machine_id, farm_id, start_date, end_date, hours_used, status)
SELECT 1 + (b * 7) % 11,
       1 + (b * 5) % 17,
       d.start_date,
       d.start_date + b % 4,
       CASE WHEN x.status = 'completed' THEN 3 + (b * 13) % 70 / 2.0 END,
       x.status
FROM generate_series(1, 240) b
CROSS JOIN LATERAL (SELECT current_date - 500 + (b * 17) % 530 AS start_date) d
CROSS JOIN LATERAL (SELECT CASE WHEN b % 15 = 0 THEN 'cancelled'
                                WHEN d.start_date > current_date THEN
                                    CASE WHEN b % 2 = 0 THEN 'confirmed' ELSE 'requested' END
                                WHEN d.start_date + b % 4 >= current_date THEN 'confirmed'
                                ELSE 'completed' END AS status) x;

INSERT INTO buyers (name, kind, country)
VALUES ('Allied Flour Mills', 'mill', 'United Kingdom'), ('Crisp Maltings', 'maltster', 'United Kingdom'),
       ('FreshCo Supermarkets', 'supermarket', 'United Kingdom'), ('Eastern Produce Wholesale', 'wholesaler', 'United Kingdom'),
       ('Harvest Feeds Ltd', 'feed_merchant', 'United Kingdom'), ('Boortmalt NV', 'maltster', 'Belgium'),
       ('Greenway Grocers', 'supermarket', 'United Kingdom'), ('Agrimer Négoce', 'wholesaler', 'France'),
       ('Vandermolen Oils', 'wholesaler', 'Netherlands'), ('Shire Foods', 'supermarket', 'United Kingdom');

INSERT INTO sales (buyer_id, farm_id, crop_id, sold_on, quantity_t, price_per_t, invoice_due_on, paid_on)
SELECT CASE c.category WHEN 'cereal' THEN (ARRAY[1, 2, 5, 6, 1])[1 + s % 5]
                       WHEN 'oilseed' THEN (ARRAY[9, 4])[1 + s % 2]
                       WHEN 'pulse' THEN (ARRAY[5, 8])[1 + s % 2]
                       ELSE (ARRAY[3, 4, 7, 10, 3])[1 + s % 5] END,
       CASE WHEN s % 17 = 3 THEN 3 ELSE 1 + (s * 7) % 18 END,
       c.crop_id,
       x.sold_on,
       5 + (s * 29) % 240 / 2.0,
       CASE c.category WHEN 'cereal' THEN 170 WHEN 'oilseed' THEN 390 WHEN 'pulse' THEN 230 WHEN 'root' THEN 140
                       WHEN 'vegetable' THEN 210 WHEN 'fruit' THEN 480 ELSE 45 END + (s * 13) % 40,
       x.sold_on + 30,
       CASE WHEN s % 11 = 0 OR x.sold_on > current_date - 25 THEN NULL ELSE x.sold_on + 10 + (s * 7) % 35 END
FROM generate_series(1, 320) s
CROSS JOIN LATERAL (SELECT (ARRAY[1, 2, 3, 5, 1, 6, 8, 9, 10, 1, 4, 11, 12, 7, 5, 2])[1 + s % 16] AS crop_id) k
JOIN crops c ON c.crop_id = k.crop_id
CROSS JOIN LATERAL (SELECT current_date - (s * 37) % 800 AS sold_on) x;
