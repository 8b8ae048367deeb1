-- A city art museum: galleries, artists, artworks, exhibitions, loans to and from other institutions,
-- visitors with their tickets and memberships. Data is generated deterministically, dated relative to current_date.

CREATE TYPE ticket_category AS ENUM ('adult', 'child', 'senior', 'student', 'member');

CREATE TABLE galleries (
    gallery_id   serial PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    wing         text NOT NULL CHECK (wing IN ('North', 'South', 'East', 'West')),
    floor        smallint NOT NULL,
    capacity     integer NOT NULL,
    is_open      boolean NOT NULL DEFAULT true
);
COMMENT ON COLUMN galleries.capacity IS 'maximum number of visitors allowed in the room at once';

CREATE TABLE artists (
    artist_id    serial PRIMARY KEY,
    full_name    text NOT NULL,
    nationality  text,
    born_year    integer,
    died_year    integer
);

CREATE TABLE staff (
    staff_id     serial PRIMARY KEY,
    full_name    text NOT NULL,
    role         text NOT NULL CHECK (role IN ('curator', 'conservator', 'guide', 'security', 'registrar', 'director')),
    hired_on     date NOT NULL,
    manager_id   integer REFERENCES staff (staff_id)
);

CREATE TABLE artworks (
    artwork_id        serial PRIMARY KEY,
    title             text NOT NULL,
    artist_id         integer REFERENCES artists (artist_id),
    gallery_id        integer REFERENCES galleries (gallery_id),
    medium            text NOT NULL CHECK (medium IN ('painting', 'sculpture', 'photograph', 'print', 'textile', 'ceramic')),
    year_created      integer,
    acquired_on       date NOT NULL,
    acquisition_cost  numeric(12, 2),
    insured_value     numeric(12, 2) NOT NULL
);
COMMENT ON COLUMN artworks.gallery_id IS 'room where the work hangs; NULL while the work is in storage';
COMMENT ON COLUMN artworks.acquisition_cost IS 'price paid; NULL for gifts and bequests';

CREATE TABLE institutions (
    institution_id serial PRIMARY KEY,
    name           text NOT NULL,
    city           text NOT NULL,
    country        text NOT NULL
);

CREATE TABLE loans (
    loan_id         serial PRIMARY KEY,
    artwork_id      integer NOT NULL REFERENCES artworks (artwork_id),
    institution_id  integer NOT NULL REFERENCES institutions (institution_id),
    direction       text NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
    status          text NOT NULL CHECK (status IN ('requested', 'approved', 'active', 'returned', 'cancelled')),
    starts_on       date NOT NULL,
    ends_on         date NOT NULL,
    returned_on     date,
    loan_fee        numeric(10, 2) NOT NULL DEFAULT 0
);
COMMENT ON COLUMN loans.direction IS 'incoming: borrowed by us from the institution; outgoing: lent by us to the institution';

CREATE TABLE exhibitions (
    exhibition_id     serial PRIMARY KEY,
    title             text NOT NULL,
    gallery_id        integer NOT NULL REFERENCES galleries (gallery_id),
    lead_curator_id   integer NOT NULL REFERENCES staff (staff_id),
    co_curator_id     integer REFERENCES staff (staff_id),
    opens_on          date NOT NULL,
    closes_on         date NOT NULL,
    budget            numeric(12, 2) NOT NULL,
    spent             numeric(12, 2) NOT NULL DEFAULT 0
);

CREATE TABLE exhibition_artworks (
    exhibition_id  integer NOT NULL REFERENCES exhibitions (exhibition_id),
    artwork_id     integer NOT NULL REFERENCES artworks (artwork_id),
    PRIMARY KEY (exhibition_id, artwork_id)
);

CREATE TABLE visitors (
    visitor_id   serial PRIMARY KEY,
    first_name   text NOT NULL,
    last_name    text NOT NULL,
    email        text,
    postcode     text,
    signed_up_at timestamptz NOT NULL
);

CREATE TABLE memberships (
    membership_id  serial PRIMARY KEY,
    visitor_id     integer NOT NULL REFERENCES visitors (visitor_id),
    tier           text NOT NULL CHECK (tier IN ('individual', 'family', 'patron')),
    started_on     date NOT NULL,
    expires_on     date NOT NULL,
    annual_fee     numeric(8, 2) NOT NULL,
    auto_renew     boolean NOT NULL DEFAULT false
);

CREATE TABLE tickets (
    ticket_id      serial PRIMARY KEY,
    visitor_id     integer REFERENCES visitors (visitor_id),
    exhibition_id  integer REFERENCES exhibitions (exhibition_id),
    category       ticket_category NOT NULL,
    visit_date     date NOT NULL,
    price          numeric(6, 2) NOT NULL,
    purchased_at   timestamptz NOT NULL,
    scanned_at     timestamptz
);
COMMENT ON COLUMN tickets.exhibition_id IS 'NULL for general admission';
COMMENT ON COLUMN tickets.scanned_at IS 'when the ticket was scanned at the door; NULL if the holder never came';

INSERT INTO galleries (name, wing, floor, capacity, is_open)
SELECT (ARRAY['Rembrandt Room', 'Impressionist Hall', 'Modern Gallery', 'Sculpture Court', 'Photography Gallery',
              'Print Room', 'Textile Gallery', 'Ceramics Gallery', 'Contemporary Space', 'Garden Pavilion',
              'Old Masters Gallery', 'Temporary Exhibitions Hall'])[g],
       (ARRAY['North', 'South', 'East', 'West'])[1 + g % 4],
       g % 3,
       40 + (g * 37) % 160,
       g NOT IN (7, 10)
FROM generate_series(1, 12) g;

INSERT INTO artists (full_name, nationality, born_year, died_year)
SELECT (ARRAY['Anna', 'Pieter', 'Claude', 'Berthe', 'Hiroshi', 'Frida', 'Ernst', 'Sofia', 'Lucien', 'Mariam',
              'Tomasz', 'Grace', 'Kwame', 'Ines', 'Olav', 'Yara', 'Jacob', 'Mei', 'Rafael', 'Agnes'])[1 + (a - 1) % 20]
           || ' ' ||
       (ARRAY['Vermeulen', 'Dubois', 'Sato', 'Kahlberg', 'Moreau', 'Okafor', 'Lindqvist', 'Ferreira', 'Novak',
              'Haddad', 'Brennan', 'Castillo', 'Weiss'])[1 + (a * 7) % 13],
       CASE WHEN a % 9 = 0 THEN NULL
            ELSE (ARRAY['Dutch', 'French', 'Japanese', 'German', 'Mexican', 'Nigerian', 'Swedish', 'Portuguese',
                        'Polish', 'British', 'American'])[1 + a % 11] END,
       1600 + (a * 53) % 390,
       CASE WHEN 1600 + (a * 53) % 390 < 1940 THEN 1600 + (a * 53) % 390 + 45 + a % 40 END
FROM generate_series(1, 40) a;

INSERT INTO staff (full_name, role, hired_on, manager_id)
VALUES ('Helena Marsh', 'director', current_date - 4000, NULL);
INSERT INTO staff (full_name, role, hired_on, manager_id)
SELECT (ARRAY['Oliver', 'Priya', 'Samuel', 'Chloe', 'Marco', 'Leila', 'Daniel', 'Nora', 'Felix', 'Amara',
              'Jonas', 'Ruth'])[1 + s % 12] || ' ' ||
       (ARRAY['Grant', 'Iyer', 'Becker', 'Rossi', 'Nakamura', 'Quinn', 'Adeyemi', 'Holm'])[1 + (s * 3) % 8],
       (ARRAY['curator', 'conservator', 'guide', 'security', 'registrar', 'curator', 'guide', 'security'])[1 + s % 8],
       current_date - (200 + s * 131 % 3500),
       CASE WHEN s <= 4 THEN 1 ELSE 2 + s % 4 END
FROM generate_series(1, 24) s;

INSERT INTO artworks (title, artist_id, gallery_id, medium, year_created, acquired_on, acquisition_cost, insured_value)
SELECT (ARRAY['Study of', 'Portrait of', 'View of', 'Still Life with', 'Memory of', 'Figure with', 'Evening at',
              'Untitled', 'Composition with', 'Landscape near'])[1 + w % 10] || ' ' ||
       (ARRAY['a Harbour', 'the Artist''s Mother', 'Lemons', 'the River', 'Blue Shapes', 'a Window', 'the Dunes',
              'a Dancer', 'Winter Trees', 'the Old Bridge', 'Red Lines', 'a Horse'])[1 + (w * 7) % 12] || ' ' || w,
       CASE WHEN w % 17 = 0 THEN NULL
            WHEN w % 7 = 0 THEN (ARRAY[5, 5, 5, 5, 12, 12, 12, 20, 20, 1])[1 + (w / 7) % 10]
            ELSE 1 + (w * 11) % 37 END,
       CASE WHEN w % 5 IN (0, 3) THEN NULL
            ELSE (ARRAY[1, 2, 3, 4, 5, 6, 8, 9, 11, 12])[1 + (w * 3) % 10] END,
       (ARRAY['painting', 'painting', 'painting', 'sculpture', 'photograph', 'print', 'textile', 'ceramic', 'painting',
              'print'])[1 + w % 10],
       CASE WHEN w % 13 = 0 THEN NULL ELSE 1620 + (w * 29) % 400 END,
       current_date - (30 + (w * 97) % 9000),
       CASE WHEN w % 4 = 0 THEN NULL ELSE 2000 + (w * 7919) % 480000 END,
       5000 + (w * 6113) % 900000
FROM generate_series(1, 300) w;

INSERT INTO institutions (name, city, country)
VALUES ('Rijksmuseum', 'Amsterdam', 'Netherlands'), ('Musée d''Orsay', 'Paris', 'France'),
       ('Tate Modern', 'London', 'United Kingdom'), ('Museo del Prado', 'Madrid', 'Spain'),
       ('Art Institute of Chicago', 'Chicago', 'United States'), ('National Gallery of Victoria', 'Melbourne', 'Australia'),
       ('Moderna Museet', 'Stockholm', 'Sweden'), ('Kunsthaus Zürich', 'Zurich', 'Switzerland'),
       ('Tokyo National Museum', 'Tokyo', 'Japan'), ('Städel Museum', 'Frankfurt', 'Germany'),
       ('National Gallery of Ireland', 'Dublin', 'Ireland'), ('Museo Frida Kahlo', 'Mexico City', 'Mexico'),
       ('Louisiana Museum', 'Humlebæk', 'Denmark'), ('Van Gogh Museum', 'Amsterdam', 'Netherlands');

INSERT INTO loans (artwork_id, institution_id, direction, status, starts_on, ends_on, returned_on, loan_fee)
SELECT 1 + (l * 37) % 300,
       CASE WHEN l % 3 = 0 THEN 6 + (l * 5) % 9 ELSE 1 + (l * 5) % 8 END,
       CASE WHEN l % 3 = 0 THEN 'incoming' ELSE 'outgoing' END,
       s.status,
       s.starts_on,
       s.starts_on + 60 + (l * 13) % 180,
       CASE WHEN s.status = 'returned' THEN s.starts_on + 60 + (l * 13) % 180 + (l % 5) * 3 - 4 END,
       CASE WHEN l % 4 = 0 THEN 0 ELSE 500 + (l * 271) % 9500 END
FROM generate_series(1, 70) l
CROSS JOIN LATERAL (SELECT (ARRAY['returned', 'returned', 'active', 'approved', 'returned', 'cancelled', 'active',
                                  'requested', 'returned', 'active'])[1 + l % 10] AS status,
                           current_date + CASE (ARRAY['returned', 'returned', 'active', 'approved', 'returned',
                                                      'cancelled', 'active', 'requested', 'returned', 'active'])[1 + l % 10]
                                              WHEN 'returned' THEN -400 - (l * 17) % 500
                                              WHEN 'active' THEN -30 - (l * 23) % 250
                                              WHEN 'cancelled' THEN -(l * 19) % 300
                                              ELSE 20 + (l * 7) % 120 END AS starts_on) s;

INSERT INTO exhibitions (title, gallery_id, lead_curator_id, co_curator_id, opens_on, closes_on, budget, spent)
SELECT (ARRAY['Light and Shadow', 'Northern Landscapes', 'The Modern Body', 'Clay and Fire', 'Woven Worlds',
              'Faces of the Century', 'Prints of the Floating World', 'Harbour Cities', 'After the Storm',
              'Colour Field', 'Silver and Salt', 'The Quiet Interior', 'Revolution in Print', 'Gardens of Memory',
              'Women Who Painted', 'Stone and Bronze', 'New Acquisitions', 'The Dutch Golden Age',
              'Between Two Wars', 'Future Tense'])[e],
       1 + (e * 5) % 12,
       (SELECT staff_id FROM staff WHERE role = 'curator' ORDER BY staff_id OFFSET e % 6 LIMIT 1),
       CASE WHEN e % 3 = 0 THEN NULL
            ELSE (SELECT staff_id FROM staff WHERE role IN ('conservator', 'registrar')
                  ORDER BY staff_id OFFSET (e + 2) % 6 LIMIT 1) END,
       current_date - 900 + e * 55,
       current_date - 900 + e * 55 + 60 + (e * 17) % 90,
       40000 + (e * 12011) % 160000,
       CASE WHEN e >= 18 THEN (e * 3001) % 20000
            ELSE (40000 + (e * 12011) % 160000) * (80 + (e * 7) % 35) / 100 END
FROM generate_series(1, 20) e;

INSERT INTO exhibition_artworks (exhibition_id, artwork_id)
SELECT DISTINCT e, 1 + (e * 31 + k * 7) % 300
FROM generate_series(1, 20) e, generate_series(1, 6 + e % 9) k;

INSERT INTO visitors (first_name, last_name, email, postcode, signed_up_at)
SELECT (ARRAY['Liam', 'Emma', 'Noah', 'Olivia', 'Lucas', 'Mia', 'Ethan', 'Zoe', 'Adam', 'Hannah', 'Omar', 'Isla',
              'Ben', 'Ava', 'Leo', 'Ruby', 'Sam', 'Lily'])[1 + v % 18],
       (ARRAY['Smith', 'Jones', 'Patel', 'Müller', 'Garcia', 'Kim', 'Walsh', 'Nguyen', 'Cohen', 'Silva', 'Evans',
              'Khan', 'Lopez', 'Taylor'])[1 + (v * 5) % 14],
       CASE WHEN v % 6 = 0 THEN NULL ELSE 'visitor' || v || '@example.org' END,
       CASE WHEN v % 10 = 0 THEN NULL ELSE 'CT' || (1 + v % 12) || ' ' || (v % 9) || 'AB' END,
       current_timestamp - make_interval(days => (v * 13) % 1500, hours => v % 24)
FROM generate_series(1, 400) v;

INSERT INTO memberships (visitor_id, tier, started_on, expires_on, annual_fee, auto_renew)
SELECT 1 + (m * 3) % 400,
       t.tier,
       current_date - (m * 11) % 900,
       current_date - (m * 11) % 900 + 365,
       CASE t.tier WHEN 'individual' THEN 60 WHEN 'family' THEN 110 ELSE 500 END,
       m % 3 = 0
FROM generate_series(1, 160) m
CROSS JOIN LATERAL (SELECT (ARRAY['individual', 'individual', 'family', 'individual', 'family', 'patron',
                                  'individual', 'family'])[1 + m % 8] AS tier) t;

INSERT INTO tickets (visitor_id, exhibition_id, category, visit_date, price, purchased_at, scanned_at)
SELECT CASE WHEN t % 4 = 0 THEN NULL ELSE 1 + (t * 7) % 400 END,
       x.exhibition_id,
       c.category,
       x.visit_date,
       CASE c.category WHEN 'adult' THEN 18 WHEN 'child' THEN 6 WHEN 'senior' THEN 12 WHEN 'student' THEN 10 ELSE 0 END
           + CASE WHEN x.exhibition_id IS NULL THEN 0 ELSE 8 END,
       x.visit_date - ((t % 20) || ' days')::interval - ((t % 11) || ' hours')::interval,
       CASE WHEN x.visit_date >= current_date OR t % 13 = 0 THEN NULL
            ELSE x.visit_date + make_interval(hours => 9 + t % 8, mins => (t * 7) % 60) END
FROM generate_series(1, 2400) t
CROSS JOIN LATERAL (SELECT (ARRAY['adult', 'adult', 'child', 'senior', 'adult', 'student', 'member', 'adult',
                                  'child', 'senior'])[1 + t % 10]::ticket_category AS category) c
CROSS JOIN LATERAL (SELECT current_date - 700 + (t * 7) % 715 AS visit_date) d
CROSS JOIN LATERAL (SELECT d.visit_date,
                           (SELECT e.exhibition_id FROM exhibitions e
                            WHERE d.visit_date BETWEEN e.opens_on AND e.closes_on AND t % 3 <> 0
                            ORDER BY CASE WHEN t % 2 = 0 THEN e.exhibition_id ELSE -e.exhibition_id END LIMIT 1) AS exhibition_id) x;
