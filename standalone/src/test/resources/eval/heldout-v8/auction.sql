CREATE TYPE lot_category AS ENUM ('furniture', 'paintings', 'jewellery', 'silver', 'ceramics', 'clocks', 'books', 'toys');

CREATE TABLE ah_specialists (
    specialist_id integer PRIMARY KEY,
    name          text NOT NULL,
    department    lot_category NOT NULL,
    email         text NOT NULL
);

CREATE TABLE ah_sales (
    sale_id            integer PRIMARY KEY,
    title              text NOT NULL,
    sale_date          date NOT NULL,
    venue              text NOT NULL CHECK (venue IN ('main room', 'garden room', 'online')),
    buyers_premium_pct numeric(4,1) NOT NULL
);

CREATE TABLE ah_consignors (
    consignor_id   integer PRIMARY KEY,
    name           text NOT NULL,
    town           text NOT NULL,
    country        char(2) NOT NULL,
    commission_pct numeric(4,1) NOT NULL,
    is_dealer      boolean NOT NULL
);

CREATE TABLE ah_bidders (
    bidder_id     integer PRIMARY KEY,
    paddle_no     integer NOT NULL UNIQUE,
    name          text NOT NULL,
    email         text NOT NULL,
    country       char(2) NOT NULL,
    registered_on date NOT NULL
);

CREATE TABLE ah_lots (
    lot_id        integer PRIMARY KEY,
    sale_id       integer NOT NULL REFERENCES ah_sales (sale_id),
    lot_no        integer NOT NULL,
    consignor_id  integer NOT NULL REFERENCES ah_consignors (consignor_id),
    specialist_id integer NOT NULL REFERENCES ah_specialists (specialist_id),
    category      lot_category NOT NULL,
    title         text NOT NULL,
    est_low       numeric(10,2) NOT NULL,
    est_high      numeric(10,2) NOT NULL,
    reserve       numeric(10,2),
    hammer_price  numeric(10,2),
    buyer_id      integer REFERENCES ah_bidders (bidder_id),
    status        text NOT NULL CHECK (status IN ('entered', 'sold', 'bought in', 'withdrawn')),
    UNIQUE (sale_id, lot_no)
);
COMMENT ON COLUMN ah_lots.hammer_price IS 'GBP, null unless sold';

CREATE TABLE ah_bids (
    bid_id    integer PRIMARY KEY,
    lot_id    integer NOT NULL REFERENCES ah_lots (lot_id),
    bidder_id integer NOT NULL REFERENCES ah_bidders (bidder_id),
    amount    numeric(10,2) NOT NULL,
    placed_at timestamp NOT NULL,
    channel   text NOT NULL CHECK (channel IN ('room', 'phone', 'online', 'absentee'))
);

CREATE TABLE ah_invoices (
    invoice_id   integer PRIMARY KEY,
    sale_id      integer NOT NULL REFERENCES ah_sales (sale_id),
    bidder_id    integer NOT NULL REFERENCES ah_bidders (bidder_id),
    total        numeric(12,2) NOT NULL,
    issued_on    date NOT NULL,
    paid_on      date,
    collected_on date
);

INSERT INTO ah_specialists VALUES
    (1, 'Rupert Ashdown', 'furniture', 'r.ashdown@ah.example'),
    (2, 'Clara Fenwick', 'paintings', 'c.fenwick@ah.example'),
    (3, 'Imogen Hart', 'jewellery', 'i.hart@ah.example'),
    (4, 'Giles Pemberton', 'silver', 'g.pemberton@ah.example'),
    (5, 'Yuki Tanaka', 'ceramics', 'y.tanaka@ah.example'),
    (6, 'Hugh Maddox', 'clocks', 'h.maddox@ah.example'),
    (7, 'Beatrice Lowe', 'books', 'b.lowe@ah.example'),
    (8, 'Tom Quigley', 'toys', 't.quigley@ah.example');

-- a sale every three weeks for two years, and two still to come
INSERT INTO ah_sales
SELECT s,
       (ARRAY['Fine Furniture and Clocks', 'Jewellery and Silver', 'Paintings and Prints', 'Books, Toys and Collectables',
              'Ceramics and Glass', 'The Country House Sale'])[(s % 6) + 1],
       current_date - 740 + s * 21,
       (ARRAY['main room', 'main room', 'online', 'garden room'])[(s % 4) + 1],
       CASE WHEN s % 4 = 2 THEN 22.5 WHEN s > 20 THEN 26.0 ELSE 25.0 END
FROM generate_series(1, 37) s;

INSERT INTO ah_consignors
SELECT c,
       CASE WHEN c % 7 = 0
            THEN (ARRAY['Harcourt', 'Bellamy', 'Quennell', 'Strickland', 'Devereux', 'Mallory', 'Thackeray', 'Ormsby',
                        'Pargeter', 'Winslow', 'Yelland', 'Carrow'])[c / 7] || ' Antiques'
            ELSE (ARRAY['Mrs', 'Mr', 'Dr', 'Ms', 'Mr', 'Mrs', 'Lady', 'Mr', 'Ms'])[(c % 9) + 1] || ' '
                 || (ARRAY['A.', 'J.', 'P.', 'E.', 'R.', 'M.', 'S.', 'H.', 'C.', 'L.', 'D.'])[(c % 11) + 1] || ' '
                 || (ARRAY['Fairbairn', 'Goodwin', 'Hollis', 'Ingram', 'Jessop', 'Kemble', 'Lockwood', 'Merriman', 'Norbury',
                           'Oakes', 'Pilkington', 'Rowntree', 'Sowerby'])[(c % 13) + 1] END,
       (ARRAY['Ludlow', 'Hereford', 'Shrewsbury', 'Leominster', 'Ledbury', 'Church Stretton', 'Dublin', 'Paris'])[(c % 8) + 1],
       CASE c % 8 WHEN 6 THEN 'IE' WHEN 7 THEN 'FR' ELSE 'GB' END,
       CASE WHEN c % 7 = 0 THEN 10.0 ELSE 15.0 END,
       c % 7 = 0
FROM generate_series(1, 85) c;

INSERT INTO ah_bidders
SELECT b, 100 + b,
       (ARRAY['Oliver', 'Charlotte', 'William', 'Sophie', 'Henry', 'Alice', 'George', 'Harriet', 'Edward', 'Florence',
              'Arthur', 'Matilda', 'James', 'Eleanor', 'Marcus', 'Pierre', 'Hans', 'Li', 'Sean', 'Anna'])[(b % 20) + 1] || ' '
           || (ARRAY['Ashby', 'Beaumont', 'Cartwright', 'Dunmore', 'Elliott', 'Forbes', 'Granger', 'Hastings', 'Irving',
                     'Jardine', 'Keane', 'Langley', 'Mercer', 'Newbold', 'Osborne', 'Pryce', 'Radcliffe', 'Sutton',
                     'Tremayne', 'Underwood', 'Vaughan', 'Whitlock', 'Yardley'])[(b % 23) + 1],
       'bidder' || b || '@post.example',
       (ARRAY['GB', 'GB', 'GB', 'GB', 'GB', 'US', 'GB', 'FR', 'GB', 'DE', 'GB', 'IE', 'GB', 'HK', 'GB', 'CH', 'GB', 'NL'])[(b % 18) + 1],
       current_date - 800 + (b * 8) / 3
FROM generate_series(1, 300) b;

-- 40 lots a sale; the lot's top bid decides whether it sold or was bought in below its reserve
INSERT INTO ah_lots
SELECT (s.sale_id - 1) * 40 + n,
       s.sale_id, n,
       1 + floor(80 * power((((s.sale_id * 40 + n) * 0.6180339887) % 1), 1.6))::int,
       x.dept,
       x.cat,
       (ARRAY['Georgian mahogany chest of drawers', 'Victorian oak dining table', 'Pair of walnut side chairs',
              'Oil on canvas, harbour at dusk', 'Watercolour, Welsh hills', 'Portrait of a gentleman, 19th century',
              'Diamond solitaire ring', 'Edwardian pearl necklace', 'Sapphire and diamond brooch',
              'George III silver teapot', 'Set of six silver spoons', 'Silver candelabrum',
              'Moorcroft vase', 'Worcester tea service', 'Chinese blue and white bowl',
              'Longcase clock, eight-day movement', 'French mantel clock', 'Carriage clock',
              'First edition novel', 'Atlas of the county, 1790', 'Bound volumes of Punch',
              'Hornby O gauge locomotive', 'Steiff teddy bear', 'Dinky toys, boxed set'])[(x.dept - 1) * 3 + (n % 3) + 1],
       x.low, x.low * 1.5,
       CASE WHEN n % 3 <> 0 THEN round(x.low * (0.8 + (n % 5) * 0.1), -1) END,
       NULL, NULL,
       CASE WHEN s.sale_date >= current_date THEN 'entered' WHEN (s.sale_id * 40 + n) % 29 = 0 THEN 'withdrawn' ELSE 'sold' END
FROM ah_sales s
CROSS JOIN generate_series(1, 40) n
CROSS JOIN LATERAL (SELECT CASE s.sale_id % 6 WHEN 0 THEN (ARRAY[1, 6])[(n % 2) + 1] WHEN 1 THEN (ARRAY[3, 4])[(n % 2) + 1]
                                              WHEN 2 THEN 2 WHEN 3 THEN (ARRAY[7, 8])[(n % 2) + 1] WHEN 4 THEN 5
                                              ELSE (n % 8) + 1 END AS dept) d
CROSS JOIN LATERAL (SELECT d.dept,
                           (ARRAY['furniture', 'paintings', 'jewellery', 'silver', 'ceramics', 'clocks', 'books', 'toys'])[d.dept]::lot_category AS cat,
                           (100 * (1 + (s.sale_id * 7 + n * 11) % 23) * CASE WHEN d.dept IN (2, 3) THEN 4 ELSE 1 END)::numeric AS low) x;

-- bids: up to the top bid, which is the lot's low estimate times a factor between 0.6 and 2.6
CREATE TEMP TABLE tops AS
SELECT l.lot_id, l.sale_id, l.reserve, round(l.est_low * (0.6 + ((l.lot_id * 37) % 100) / 80.0), -1) AS top_bid,
       2 + l.lot_id % 7 AS nbids
FROM ah_lots l WHERE l.status = 'sold';

INSERT INTO ah_bids
SELECT row_number() OVER (ORDER BY t.lot_id, k), t.lot_id,
       CASE WHEN k = t.nbids THEN 1 + floor(280 * power(((t.lot_id * 0.6180339887) % 1), 2.5))::int
            ELSE ((t.lot_id * 17 + k * 29) % 280) + 1 END,
       round(t.top_bid * k / t.nbids, -1),
       s.sale_date + interval '10 hours' + (t.lot_id % 40) * interval '4 minutes' + k * interval '15 seconds',
       (ARRAY['room', 'room', 'phone', 'online', 'online', 'absentee', 'room'])[((t.lot_id + k) % 7) + 1]
FROM tops t
JOIN ah_sales s ON s.sale_id = t.sale_id
CROSS JOIN generate_series(1, 10) k
WHERE k <= t.nbids;

UPDATE ah_bids b SET channel = 'online'
FROM ah_lots l JOIN ah_sales s ON s.sale_id = l.sale_id
WHERE l.lot_id = b.lot_id AND s.venue = 'online';

UPDATE ah_lots l SET hammer_price = t.top_bid,
                     buyer_id = (SELECT b.bidder_id FROM ah_bids b WHERE b.lot_id = l.lot_id ORDER BY b.amount DESC, b.bid_id DESC LIMIT 1)
FROM tops t WHERE t.lot_id = l.lot_id AND (t.reserve IS NULL OR t.top_bid >= t.reserve);
UPDATE ah_lots SET status = 'bought in' WHERE status = 'sold' AND hammer_price IS NULL;

INSERT INTO ah_invoices
SELECT row_number() OVER (ORDER BY s.sale_id, l.buyer_id) + 7000, s.sale_id, l.buyer_id,
       round(sum(l.hammer_price) * (1 + s.buyers_premium_pct / 100), 2),
       s.sale_date + 1, NULL, NULL
FROM ah_lots l JOIN ah_sales s ON s.sale_id = l.sale_id
WHERE l.status = 'sold'
GROUP BY s.sale_id, l.buyer_id, s.buyers_premium_pct, s.sale_date;

UPDATE ah_invoices SET paid_on = issued_on + 2 + invoice_id % 19
WHERE issued_on + 2 + invoice_id % 19 <= current_date AND invoice_id % 23 <> 0;
UPDATE ah_invoices SET collected_on = paid_on + 1 + invoice_id % 12
WHERE paid_on IS NOT NULL AND paid_on + 1 + invoice_id % 12 <= current_date;
