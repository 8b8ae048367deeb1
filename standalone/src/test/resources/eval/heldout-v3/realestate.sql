-- A real-estate agency: agents list properties for sale, clients view the listings, some end in a sale.
CREATE TABLE agents (
    id               integer PRIMARY KEY,
    name             text NOT NULL,
    office           text NOT NULL,
    hired_on         date NOT NULL,
    commission_rate  numeric(4,2) NOT NULL
);
COMMENT ON COLUMN agents.commission_rate IS 'Percent of the sale price the agent earns';

CREATE TABLE properties (
    id             integer PRIMARY KEY,
    address        text NOT NULL,
    city           text NOT NULL,
    property_type  text NOT NULL CHECK (property_type IN ('house', 'apartment', 'land', 'commercial')),
    bedrooms       integer,
    area_sqm       integer NOT NULL,
    asking_price   numeric(12,2) NOT NULL,
    built_year     integer
);
COMMENT ON COLUMN properties.area_sqm IS 'Floor area (plot area for land) in square metres';
COMMENT ON COLUMN properties.asking_price IS 'Price the owner first asked for';

CREATE TABLE listings (
    id           integer PRIMARY KEY,
    property_id  integer NOT NULL REFERENCES properties (id),
    agent_id     integer NOT NULL REFERENCES agents (id),
    listed_on    date NOT NULL,
    status       text NOT NULL CHECK (status IN ('active', 'sold', 'withdrawn')),
    list_price   numeric(12,2) NOT NULL
);
COMMENT ON TABLE listings IS 'A property put on the market by one agent';

CREATE TABLE viewings (
    id           integer PRIMARY KEY,
    listing_id   integer NOT NULL REFERENCES listings (id),
    viewed_at    timestamp NOT NULL,
    client_name  text NOT NULL,
    interested   boolean NOT NULL
);

CREATE TABLE sales (
    id          integer PRIMARY KEY,
    listing_id  integer NOT NULL UNIQUE REFERENCES listings (id),
    sold_on     date NOT NULL,
    sale_price  numeric(12,2) NOT NULL,
    buyer_name  text NOT NULL
);

INSERT INTO agents (id, name, office, hired_on, commission_rate) VALUES
    (1, 'Hannah Becker', 'Downtown', current_date - 2100, 2.5),
    (2, 'Luis Moreno', 'Harbour', current_date - 1500, 3.0),
    (3, 'Priya Nair', 'Downtown', current_date - 900, 2.75),
    (4, 'Tom Fischer', 'Northside', current_date - 400, 2.0),
    (5, 'Grace Okafor', 'Harbour', current_date - 120, 2.25),
    (6, 'Jonas Weber', 'Northside', current_date - 60, 2.0);
INSERT INTO properties (id, address, city, property_type, bedrooms, area_sqm, asking_price, built_year) VALUES
    (1, '5 Canal Way', 'Lakeside', 'house', 5, 244, 626000, 1982),
    (2, '11 Market Square', 'Lakeside', 'house', 5, 248, 340000, 1937),
    (3, '12 Quay Road', 'Riverton', 'house', 5, 252, 860000, 2006),
    (4, '17 Elm Street', 'Lakeside', 'commercial', NULL, 234, 780000, 2008),
    (5, '20 Orchard Close', 'Old Mill', 'house', 1, 54, 344000, 1955),
    (6, '25 Market Square', 'Riverton', 'house', 5, 260, 350000, 1991),
    (7, '31 Station Road', 'Riverton', 'house', 1, 162, 820000, 1960),
    (8, '34 Elm Street', 'Riverton', 'apartment', 3, 239, 385000, 1990),
    (9, '36 Market Square', 'Riverton', 'land', NULL, 842, 560000, NULL),
    (10, '41 Elm Street', 'Riverton', 'house', 1, 220, 150000, 1952),
    (11, '45 Market Square', 'Old Mill', 'house', 4, 152, 224000, 1997),
    (12, '48 Canal Way', 'Lakeside', 'house', 3, 130, 165000, 1977),
    (13, '55 Orchard Close', 'Lakeside', 'commercial', NULL, 70, 161000, 1932),
    (14, '57 Canal Way', 'Riverton', 'commercial', NULL, 188, 342000, 1982),
    (15, '63 Hill Lane', 'Riverton', 'commercial', NULL, 143, 269000, 1975),
    (16, '65 Quay Road', 'Lakeside', 'apartment', 5, 122, 170000, 1951),
    (17, '69 Hill Lane', 'Riverton', 'commercial', NULL, 192, 252000, 1930),
    (18, '74 Quay Road', 'Riverton', 'apartment', 1, 242, 774000, 1967),
    (19, '77 Elm Street', 'Lakeside', 'house', 1, 98, 746000, 2006),
    (20, '83 Canal Way', 'Riverton', 'apartment', 3, 204, 614000, 1941),
    (21, '85 Hill Lane', 'Lakeside', 'apartment', 2, 124, 383000, 2003),
    (22, '91 Orchard Close', 'Lakeside', 'commercial', NULL, 206, 717000, 1950),
    (23, '92 Market Square', 'Lakeside', 'house', 4, 57, 256000, 1938),
    (24, '99 Orchard Close', 'Old Mill', 'commercial', NULL, 225, 551000, 1957),
    (25, '100 Canal Way', 'Lakeside', 'land', NULL, 1118, 887000, NULL),
    (26, '104 Market Square', 'Lakeside', 'house', 5, 212, 780000, 2003),
    (27, '111 Hill Lane', 'Riverton', 'apartment', 1, 62, 425000, 1977),
    (28, '113 Station Road', 'Old Mill', 'house', 2, 117, 527000, 1992),
    (29, '117 Elm Street', 'Riverton', 'apartment', 4, 129, 822000, 2018),
    (30, '120 Station Road', 'Riverton', 'house', 3, 224, 469000, 1929);
INSERT INTO listings (id, property_id, agent_id, listed_on, status, list_price) VALUES
    (1, 1, 2, current_date - 377, 'sold', 636000),
    (2, 2, 1, current_date - 46, 'withdrawn', 320000),
    (3, 3, 2, current_date - 486, 'active', 885000),
    (4, 4, 2, current_date - 268, 'active', 760000),
    (5, 5, 3, current_date - 133, 'active', 354000),
    (6, 6, 1, current_date - 210, 'sold', 350000),
    (7, 7, 3, current_date - 244, 'sold', 820000),
    (8, 8, 1, current_date - 161, 'active', 365000),
    (9, 9, 5, current_date - 124, 'sold', 540000),
    (10, 10, 1, current_date - 493, 'active', 150000),
    (11, 11, 1, current_date - 389, 'withdrawn', 204000),
    (12, 12, 4, current_date - 47, 'withdrawn', 190000),
    (13, 13, 2, current_date - 112, 'sold', 186000),
    (14, 14, 5, current_date - 468, 'active', 352000),
    (15, 15, 3, current_date - 243, 'sold', 294000),
    (16, 16, 2, current_date - 491, 'active', 170000),
    (17, 17, 2, current_date - 260, 'active', 277000),
    (18, 18, 1, current_date - 267, 'withdrawn', 754000),
    (19, 19, 2, current_date - 140, 'sold', 771000),
    (20, 20, 3, current_date - 119, 'active', 624000),
    (21, 21, 5, current_date - 370, 'sold', 408000),
    (22, 22, 3, current_date - 278, 'sold', 717000),
    (23, 23, 2, current_date - 135, 'withdrawn', 236000),
    (24, 24, 1, current_date - 260, 'sold', 531000),
    (25, 25, 3, current_date - 490, 'withdrawn', 867000),
    (26, 26, 1, current_date - 4, 'withdrawn', 805000),
    (27, 27, 2, current_date - 2, 'active', 435000),
    (28, 28, 1, current_date - 435, 'sold', 527000);
INSERT INTO viewings (id, listing_id, viewed_at, client_name, interested) VALUES
    (1, 1, now() - interval '37 days 2 hours', 'D. Patel', false),
    (2, 3, now() - interval '7 days 7 hours', 'D. Patel', false),
    (3, 3, now() - interval '311 days 2 hours', 'A. Smith', true),
    (4, 3, now() - interval '59 days 5 hours', 'D. Patel', false),
    (5, 3, now() - interval '198 days 8 hours', 'D. Patel', true),
    (6, 4, now() - interval '44 days 8 hours', 'A. Smith', true),
    (7, 4, now() - interval '57 days 8 hours', 'E. Rossi', false),
    (8, 5, now() - interval '36 days 4 hours', 'E. Rossi', true),
    (9, 5, now() - interval '87 days 8 hours', 'D. Patel', false),
    (10, 6, now() - interval '205 days 4 hours', 'B. Jones', true),
    (11, 6, now() - interval '149 days 6 hours', 'B. Jones', true),
    (12, 6, now() - interval '127 days 6 hours', 'A. Smith', false),
    (13, 7, now() - interval '97 days 9 hours', 'D. Patel', false),
    (14, 7, now() - interval '183 days 8 hours', 'C. Lee', true),
    (15, 7, now() - interval '8 days 5 hours', 'E. Rossi', true),
    (16, 8, now() - interval '103 days 8 hours', 'B. Jones', true),
    (17, 10, now() - interval '421 days 8 hours', 'C. Lee', true),
    (18, 11, now() - interval '177 days 9 hours', 'F. Novak', false),
    (19, 11, now() - interval '256 days 3 hours', 'D. Patel', false),
    (20, 12, now() - interval '12 days 1 hours', 'D. Patel', false),
    (21, 12, now() - interval '41 days 9 hours', 'C. Lee', true),
    (22, 12, now() - interval '41 days 4 hours', 'A. Smith', false),
    (23, 14, now() - interval '42 days 1 hours', 'D. Patel', true),
    (24, 14, now() - interval '215 days 5 hours', 'D. Patel', false),
    (25, 14, now() - interval '111 days 2 hours', 'D. Patel', false),
    (26, 14, now() - interval '88 days 9 hours', 'C. Lee', false),
    (27, 15, now() - interval '148 days 2 hours', 'B. Jones', true),
    (28, 15, now() - interval '143 days 5 hours', 'F. Novak', false),
    (29, 15, now() - interval '42 days 9 hours', 'E. Rossi', false),
    (30, 16, now() - interval '435 days 3 hours', 'E. Rossi', false),
    (31, 16, now() - interval '293 days 8 hours', 'B. Jones', true),
    (32, 18, now() - interval '33 days 9 hours', 'D. Patel', true),
    (33, 19, now() - interval '32 days 6 hours', 'D. Patel', false),
    (34, 19, now() - interval '121 days 9 hours', 'C. Lee', true),
    (35, 19, now() - interval '107 days 1 hours', 'C. Lee', true),
    (36, 20, now() - interval '92 days 6 hours', 'B. Jones', false),
    (37, 20, now() - interval '13 days 8 hours', 'F. Novak', false),
    (38, 22, now() - interval '110 days 9 hours', 'E. Rossi', false),
    (39, 22, now() - interval '69 days 4 hours', 'F. Novak', false),
    (40, 22, now() - interval '177 days 3 hours', 'C. Lee', false),
    (41, 22, now() - interval '99 days 4 hours', 'B. Jones', false),
    (42, 23, now() - interval '32 days 4 hours', 'D. Patel', false),
    (43, 23, now() - interval '4 days 2 hours', 'B. Jones', false),
    (44, 23, now() - interval '91 days 6 hours', 'A. Smith', false),
    (45, 24, now() - interval '54 days 1 hours', 'A. Smith', false),
    (46, 24, now() - interval '246 days 3 hours', 'B. Jones', true),
    (47, 24, now() - interval '104 days 3 hours', 'B. Jones', false),
    (48, 28, now() - interval '232 days 6 hours', 'F. Novak', true),
    (49, 28, now() - interval '99 days 3 hours', 'A. Smith', false),
    (50, 28, now() - interval '7 days 6 hours', 'A. Smith', false);
INSERT INTO sales (id, listing_id, sold_on, sale_price, buyer_name) VALUES
    (1, 1, current_date - 22, 621000, 'N. Haddad'),
    (2, 6, current_date - 70, 335000, 'K. Brandt'),
    (3, 7, current_date - 181, 820000, 'P. Dubois'),
    (4, 9, current_date - 57, 510000, 'P. Dubois'),
    (5, 13, current_date - 39, 198000, 'N. Haddad'),
    (6, 15, current_date - 143, 294000, 'N. Haddad'),
    (7, 19, current_date - 5, 741000, 'M. Silva'),
    (8, 21, current_date - 192, 413000, 'P. Dubois'),
    (9, 22, current_date - 68, 702000, 'M. Silva'),
    (10, 24, current_date - 48, 543000, 'K. Brandt'),
    (11, 28, current_date - 360, 532000, 'P. Dubois');
