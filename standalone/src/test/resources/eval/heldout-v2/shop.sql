-- An online shop: customers place orders of products, which belong to categories.
CREATE TABLE categories (
    id    integer PRIMARY KEY,
    name  text NOT NULL UNIQUE
);
COMMENT ON TABLE categories IS 'Product categories in the catalogue';

CREATE TABLE products (
    id             integer PRIMARY KEY,
    name           text NOT NULL,
    category_id    integer NOT NULL REFERENCES categories (id),
    price          numeric(10,2) NOT NULL,
    stock          integer NOT NULL,
    discontinued   boolean NOT NULL DEFAULT false
);
COMMENT ON COLUMN products.stock IS 'Units in the warehouse';

CREATE TABLE customers (
    id          integer PRIMARY KEY,
    name        text NOT NULL,
    email       text NOT NULL,
    country     text NOT NULL,
    signed_up   date NOT NULL
);
COMMENT ON TABLE customers IS 'People who have an account in the shop';

CREATE TABLE orders (
    id            integer PRIMARY KEY,
    customer_id   integer NOT NULL REFERENCES customers (id),
    ordered_at    timestamp NOT NULL,
    shipped_at    timestamp,
    status        text NOT NULL CHECK (status IN ('pending', 'shipped', 'delivered', 'returned'))
);
COMMENT ON COLUMN orders.shipped_at IS 'When the parcel left the warehouse; empty until then';

CREATE TABLE order_items (
    order_id    integer NOT NULL REFERENCES orders (id),
    product_id  integer NOT NULL REFERENCES products (id),
    quantity    integer NOT NULL,
    unit_price  numeric(10,2) NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
COMMENT ON TABLE order_items IS 'The lines of an order: which product, how many, at what price';

INSERT INTO categories VALUES
 (1, 'Books'), (2, 'Electronics'), (3, 'Garden'), (4, 'Toys'), (5, 'Kitchen');

INSERT INTO products VALUES
 (1, 'Mechanical Keyboard', 2, 89.90, 25, false),
 (2, 'Wireless Mouse', 2, 24.50, 80, false),
 (3, 'USB-C Hub', 2, 39.00, 0, false),
 (4, 'Garden Hose 20m', 3, 29.99, 14, false),
 (5, 'Pruning Shears', 3, 17.50, 40, false),
 (6, 'Lego City Set', 4, 59.00, 6, false),
 (7, 'Puzzle 1000 pieces', 4, 14.90, 0, true),
 (8, 'Chef Knife', 5, 74.00, 12, false),
 (9, 'Cast Iron Pan', 5, 45.00, 9, false),
 (10, 'Cookbook for Beginners', 1, 22.00, 30, false),
 (11, 'Sci-Fi Anthology', 1, 18.00, 0, true),
 (12, 'Noise Cancelling Headphones', 2, 199.00, 7, false),
 (13, 'Watering Can', 3, 12.00, 22, false),
 (14, 'Board Game Classics', 4, 34.00, 3, false);

INSERT INTO customers VALUES
 (1, 'Alice Martin', 'alice@example.com', 'France', DATE '2022-01-15'),
 (2, 'Bruno Costa', 'bruno@example.com', 'Portugal', DATE '2022-06-02'),
 (3, 'Chloe Dubois', 'chloe@example.com', 'France', DATE '2023-03-21'),
 (4, 'Daniel Weber', 'daniel@example.com', 'Germany', DATE '2023-08-09'),
 (5, 'Eva Novak', 'eva@example.com', 'Czechia', DATE '2024-02-11'),
 (6, 'Felix Braun', 'felix@example.com', 'Germany', DATE '2024-05-30'),
 (7, 'Grace Kelly', 'grace@example.com', 'Ireland', DATE '2024-11-18'),
 (8, 'Hugo Silva', 'hugo@example.com', 'Portugal', DATE '2025-01-05'),
 (9, 'Ines Garcia', 'ines@example.com', 'Spain', DATE '2025-04-22'),
 (10, 'Jan Kowalski', 'jan@example.com', 'Poland', DATE '2025-07-14');

INSERT INTO orders VALUES
 (1, 1, now() - interval '300 days', now() - interval '298 days', 'delivered'),
 (2, 2, now() - interval '260 days', now() - interval '259 days', 'delivered'),
 (3, 1, now() - interval '220 days', now() - interval '215 days', 'delivered'),
 (4, 3, now() - interval '180 days', now() - interval '179 days', 'returned'),
 (5, 4, now() - interval '150 days', now() - interval '146 days', 'delivered'),
 (6, 5, now() - interval '120 days', now() - interval '119 days', 'delivered'),
 (7, 1, now() - interval '90 days', now() - interval '88 days', 'delivered'),
 (8, 6, now() - interval '60 days', now() - interval '57 days', 'delivered'),
 (9, 4, now() - interval '40 days', now() - interval '39 days', 'delivered'),
 (10, 8, now() - interval '20 days', now() - interval '18 days', 'shipped'),
 (11, 2, now() - interval '10 days', now() - interval '9 days', 'shipped'),
 (12, 9, now() - interval '5 days', NULL, 'pending'),
 (13, 3, now() - interval '2 days', NULL, 'pending'),
 (14, 1, now() - interval '1 day', NULL, 'pending');

INSERT INTO order_items VALUES
 (1, 1, 1, 89.90), (1, 2, 2, 24.50),
 (2, 4, 1, 29.99), (2, 5, 1, 17.50),
 (3, 10, 2, 22.00),
 (4, 12, 1, 199.00),
 (5, 6, 1, 59.00), (5, 14, 1, 34.00), (5, 7, 2, 14.90),
 (6, 8, 1, 74.00), (6, 9, 1, 45.00),
 (7, 2, 1, 24.50), (7, 3, 1, 39.00),
 (8, 12, 1, 189.00),
 (9, 13, 3, 12.00), (9, 5, 1, 17.50),
 (10, 1, 1, 89.90),
 (11, 11, 2, 18.00), (11, 10, 1, 22.00),
 (12, 9, 2, 45.00),
 (13, 6, 1, 59.00),
 (14, 2, 4, 24.50);
