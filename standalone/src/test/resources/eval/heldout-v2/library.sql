-- A small public library: who wrote which book, who borrowed it, and when it came back.
CREATE TABLE authors (
    id          integer PRIMARY KEY,
    name        text NOT NULL,
    country     text NOT NULL,
    born        integer
);
COMMENT ON TABLE authors IS 'Writers of the books in the catalogue';
COMMENT ON COLUMN authors.born IS 'Year of birth';

CREATE TABLE books (
    id             integer PRIMARY KEY,
    title          text NOT NULL,
    author_id      integer NOT NULL REFERENCES authors (id),
    genre          text NOT NULL CHECK (genre IN ('fiction', 'mystery', 'science', 'history', 'children')),
    published_year integer NOT NULL,
    pages          integer NOT NULL,
    copies         integer NOT NULL DEFAULT 1
);
COMMENT ON TABLE books IS 'Titles the library holds';
COMMENT ON COLUMN books.copies IS 'Number of copies on the shelves';

CREATE TABLE members (
    id          integer PRIMARY KEY,
    name        text NOT NULL,
    email       text,
    city        text NOT NULL,
    membership  text NOT NULL CHECK (membership IN ('basic', 'premium', 'student')),
    joined_on   date NOT NULL
);
COMMENT ON TABLE members IS 'People with a library card';

CREATE TABLE loans (
    id           integer PRIMARY KEY,
    book_id      integer NOT NULL REFERENCES books (id),
    member_id    integer NOT NULL REFERENCES members (id),
    loaned_on    date NOT NULL,
    due_on       date NOT NULL,
    returned_on  date,
    fine         numeric(6,2) NOT NULL DEFAULT 0
);
COMMENT ON TABLE loans IS 'A book lent to a member; returned_on is empty while it is still out';
COMMENT ON COLUMN loans.fine IS 'Late fee charged in euros';

INSERT INTO authors VALUES
 (1, 'Agatha Christie', 'United Kingdom', 1890),
 (2, 'Isaac Asimov', 'United States', 1920),
 (3, 'Astrid Lindgren', 'Sweden', 1907),
 (4, 'Mary Beard', 'United Kingdom', 1955),
 (5, 'Haruki Murakami', 'Japan', 1949),
 (6, 'Carl Sagan', 'United States', 1934),
 (7, 'Henning Mankell', 'Sweden', 1948),
 (8, 'Yuval Noah Harari', 'Israel', 1976),
 (9, 'Tove Jansson', 'Finland', 1914);

INSERT INTO books VALUES
 (1, 'Murder on the Orient Express', 1, 'mystery', 1934, 256, 3),
 (2, 'And Then There Were None', 1, 'mystery', 1939, 272, 2),
 (3, 'The ABC Murders', 1, 'mystery', 1936, 252, 1),
 (4, 'Foundation', 2, 'fiction', 1951, 255, 4),
 (5, 'I, Robot', 2, 'fiction', 1950, 253, 2),
 (6, 'The Gods Themselves', 2, 'fiction', 1972, 288, 1),
 (7, 'Pippi Longstocking', 3, 'children', 1945, 160, 5),
 (8, 'The Brothers Lionheart', 3, 'children', 1973, 231, 2),
 (9, 'SPQR', 4, 'history', 2015, 608, 2),
 (10, 'Women and Power', 4, 'history', 2017, 128, 1),
 (11, 'Norwegian Wood', 5, 'fiction', 1987, 296, 3),
 (12, 'Kafka on the Shore', 5, 'fiction', 2002, 505, 2),
 (13, 'Cosmos', 6, 'science', 1980, 396, 3),
 (14, 'Pale Blue Dot', 6, 'science', 1994, 429, 1),
 (15, 'Faceless Killers', 7, 'mystery', 1991, 280, 2),
 (16, 'Sapiens', 8, 'history', 2011, 443, 4),
 (17, 'Homo Deus', 8, 'history', 2015, 450, 2),
 (18, 'Finn Family Moomintroll', 9, 'children', 1948, 170, 3),
 (19, 'The Demon-Haunted World', 6, 'science', 1995, 457, 1),
 (20, 'The Caves of Steel', 2, 'fiction', 1954, 206, 1);

INSERT INTO members VALUES
 (1, 'Anna Berg', 'anna.berg@example.org', 'Uppsala', 'premium', DATE '2019-03-14'),
 (2, 'Jonas Lind', 'jonas@example.org', 'Stockholm', 'basic', DATE '2020-07-01'),
 (3, 'Maria Holm', NULL, 'Uppsala', 'student', DATE '2022-09-05'),
 (4, 'Erik Sund', 'erik.sund@example.org', 'Gothenburg', 'basic', DATE '2018-01-20'),
 (5, 'Sara Ek', 'sara.ek@example.org', 'Stockholm', 'premium', DATE '2021-11-11'),
 (6, 'Lars Dahl', NULL, 'Malmo', 'basic', DATE '2023-02-27'),
 (7, 'Ida Falk', 'ida@example.org', 'Uppsala', 'student', DATE '2024-08-30'),
 (8, 'Omar Said', 'omar.said@example.org', 'Malmo', 'premium', DATE '2020-05-17'),
 (9, 'Lea Nord', 'lea.nord@example.org', 'Stockholm', 'student', DATE '2025-01-09'),
 (10, 'Karl Vik', NULL, 'Gothenburg', 'basic', DATE '2017-06-03'),
 (11, 'Nina Ros', 'nina.ros@example.org', 'Uppsala', 'basic', DATE '2025-06-21'),
 (12, 'Per Alm', 'per.alm@example.org', 'Malmo', 'premium', DATE '2016-10-12');

INSERT INTO loans VALUES
 (1, 1, 1, current_date - 400, current_date - 379, current_date - 380, 0),
 (2, 4, 2, current_date - 350, current_date - 329, current_date - 320, 4.50),
 (3, 7, 3, current_date - 300, current_date - 279, current_date - 281, 0),
 (4, 13, 1, current_date - 240, current_date - 219, current_date - 219, 0),
 (5, 16, 5, current_date - 200, current_date - 179, current_date - 170, 4.50),
 (6, 9, 4, current_date - 180, current_date - 159, current_date - 150, 4.50),
 (7, 11, 8, current_date - 150, current_date - 129, current_date - 135, 0),
 (8, 2, 1, current_date - 120, current_date - 99, current_date - 95, 2.00),
 (9, 5, 10, current_date - 100, current_date - 79, current_date - 80, 0),
 (10, 18, 7, current_date - 90, current_date - 69, current_date - 60, 4.50),
 (11, 4, 5, current_date - 80, current_date - 59, current_date - 59, 0),
 (12, 12, 8, current_date - 70, current_date - 49, current_date - 40, 4.50),
 (13, 15, 2, current_date - 60, current_date - 39, current_date - 45, 0),
 (14, 16, 1, current_date - 45, current_date - 24, current_date - 20, 2.00),
 (15, 3, 4, current_date - 40, current_date - 19, NULL, 0),
 (16, 13, 12, current_date - 35, current_date - 14, current_date - 16, 0),
 (17, 7, 7, current_date - 28, current_date - 7, NULL, 0),
 (18, 1, 5, current_date - 20, current_date + 1, NULL, 0),
 (19, 19, 1, current_date - 15, current_date + 6, current_date - 5, 0),
 (20, 8, 3, current_date - 12, current_date + 9, NULL, 0),
 (21, 4, 8, current_date - 10, current_date + 11, NULL, 0),
 (22, 17, 2, current_date - 6, current_date + 15, NULL, 0),
 (23, 11, 1, current_date - 3, current_date + 18, NULL, 0),
 (24, 9, 10, current_date - 2, current_date + 19, NULL, 0),
 (25, 14, 8, current_date - 1, current_date + 20, NULL, 0);
