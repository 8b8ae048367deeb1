-- Held-out schema 3: a web shop. Deterministic data (arithmetic on generate_series).
CREATE TYPE order_state AS ENUM ('pending', 'paid', 'shipped', 'delivered', 'returned');
CREATE TABLE products (
    id          integer PRIMARY KEY,
    sku         text NOT NULL UNIQUE,
    name        text NOT NULL,
    category    text NOT NULL CHECK (category IN ('Electronics', 'Home', 'Garden', 'Toys', 'Books')),
    unit_price  numeric(10, 2) NOT NULL,
    in_stock    integer NOT NULL,
    added_on    date NOT NULL
);
CREATE TABLE shoppers (
    id          integer PRIMARY KEY,
    username    text NOT NULL UNIQUE,
    country     text NOT NULL,
    signed_up   date NOT NULL,
    vip         boolean NOT NULL
);
COMMENT ON TABLE shoppers IS 'Registered customers of the shop';
CREATE TABLE purchase_orders (
    id           integer PRIMARY KEY,
    shopper_id   integer NOT NULL REFERENCES shoppers (id),
    ordered_on   date NOT NULL,
    state        order_state NOT NULL,
    total        numeric(10, 2) NOT NULL,
    item_count   integer NOT NULL
);
INSERT INTO products
SELECT i, 'SKU-' || lpad(i::text, 4, '0'),
       (ARRAY['Smart', 'Classic', 'Mini', 'Ultra', 'Eco', 'Deluxe'])[1 + i % 6] || ' '
           || (ARRAY['Lamp', 'Speaker', 'Chair', 'Kite', 'Novel', 'Shovel', 'Robot', 'Mug'])[1 + (i * 3) % 8],
       (ARRAY['Electronics', 'Home', 'Garden', 'Toys', 'Books'])[1 + (i * 3) % 5],
       round((5 + (i * 47) % 400) + (i % 100) / 100.0, 2),
       (i * 13) % 90,
       DATE '2021-01-01' + (i * 41) % 1800
FROM generate_series(1, 75) AS i;
INSERT INTO shoppers
SELECT i, 'user' || i,
       (ARRAY['Germany', 'France', 'Spain', 'Italy', 'Poland', 'Portugal'])[1 + (i * 5) % 6],
       DATE '2020-06-01' + (i * 67) % 2000,
       i % 7 = 0
FROM generate_series(1, 50) AS i;
INSERT INTO purchase_orders
SELECT i, 1 + (i * 7) % 50,
       DATE '2024-01-01' + (i * 4) % 700,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'delivered', 'returned'])[1 + i % 6]::order_state,
       round(10 + (i * 29) % 500 + (i % 10) / 10.0, 2),
       1 + i % 6
FROM generate_series(1, 99) AS i;
