-- Held-out schema 1: a public library. Deterministic data (arithmetic on generate_series).
CREATE TABLE books (
    id              integer PRIMARY KEY,
    title           text NOT NULL,
    author          text NOT NULL,
    genre           text NOT NULL CHECK (genre IN ('Fiction', 'Science', 'History', 'Poetry', 'Biography')),
    published_year  integer NOT NULL,
    pages           integer NOT NULL,
    available       boolean NOT NULL
);
COMMENT ON TABLE books IS 'Books in the catalogue';
CREATE TABLE members (
    id          integer PRIMARY KEY,
    full_name   text NOT NULL,
    city        text NOT NULL,
    joined_on   date NOT NULL,
    membership  text NOT NULL CHECK (membership IN ('Basic', 'Premium', 'Student'))
);
CREATE TABLE loans (
    id           integer PRIMARY KEY,
    book_id      integer NOT NULL REFERENCES books (id),
    member_id    integer NOT NULL REFERENCES members (id),
    loaned_on    date NOT NULL,
    returned_on  date,
    late_fee     numeric(6, 2) NOT NULL DEFAULT 0
);
INSERT INTO books
SELECT i,
       (ARRAY['Silent', 'Hidden', 'Last', 'Golden', 'Broken', 'Northern', 'Secret', 'Distant'])[1 + i % 8] || ' '
           || (ARRAY['River', 'Garden', 'Empire', 'Letters', 'Stars', 'Winter', 'Voices'])[1 + (i * 3) % 7] || ' ' || i,
       (ARRAY['A. Moreau', 'B. Okafor', 'C. Lindqvist', 'D. Haddad', 'E. Tanaka', 'F. Russo'])[1 + (i * 5) % 6],
       (ARRAY['Fiction', 'Science', 'History', 'Poetry', 'Biography'])[1 + (i * 7) % 5],
       1950 + (i * 13) % 74,
       80 + (i * 37) % 520,
       i % 4 <> 0
FROM generate_series(1, 60) AS i;
INSERT INTO members
SELECT i,
       (ARRAY['Ada', 'Bruno', 'Clara', 'Dmitri', 'Eva', 'Farid', 'Greta', 'Hugo', 'Iris'])[1 + i % 9] || ' '
           || (ARRAY['Lang', 'Moss', 'Ney', 'Orr', 'Pike', 'Quinn', 'Roth'])[1 + (i * 2) % 7],
       (ARRAY['Springfield', 'Riverton', 'Lakeside', 'Hillview'])[1 + (i * 3) % 4],
       DATE '2018-01-01' + (i * 97) % 2500,
       (ARRAY['Basic', 'Premium', 'Student'])[1 + (i * 5) % 3]
FROM generate_series(1, 40) AS i;
INSERT INTO loans
SELECT i, 1 + (i * 7) % 60, 1 + (i * 3) % 40,
       DATE '2024-01-01' + (i * 5) % 360,
       CASE WHEN i % 5 = 0 THEN NULL ELSE DATE '2024-01-01' + (i * 5) % 360 + 7 + i % 20 END,
       CASE WHEN i % 4 = 0 THEN (i % 9) * 0.5 ELSE 0 END
FROM generate_series(1, 90) AS i;
