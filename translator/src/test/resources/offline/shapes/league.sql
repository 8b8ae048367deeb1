-- A football league: clubs, their players, matches between two clubs and the goals scored in them.
CREATE TABLE clubs (
    id                integer PRIMARY KEY,
    name              text NOT NULL,
    city              text NOT NULL,
    founded_year      integer NOT NULL,
    stadium_capacity  integer NOT NULL
);

CREATE TABLE players (
    id            integer PRIMARY KEY,
    club_id       integer REFERENCES clubs (id),
    first_name    text NOT NULL,
    last_name     text NOT NULL,
    position      text NOT NULL CHECK (position IN ('goalkeeper', 'defender', 'midfielder', 'forward')),
    birth_date    date NOT NULL,
    nationality   text NOT NULL,
    market_value  numeric(12,2)
);
COMMENT ON COLUMN players.market_value IS 'Estimated transfer value in euros';

CREATE TABLE matches (
    id            integer PRIMARY KEY,
    home_club_id  integer NOT NULL REFERENCES clubs (id),
    away_club_id  integer NOT NULL REFERENCES clubs (id),
    kickoff_at    timestamp NOT NULL,
    home_goals    integer,
    away_goals    integer,
    attendance    integer
);
COMMENT ON TABLE matches IS 'League fixtures; goals are empty until the match is played';

CREATE TABLE goals (
    id         integer PRIMARY KEY,
    match_id   integer NOT NULL REFERENCES matches (id),
    player_id  integer NOT NULL REFERENCES players (id),
    minute     integer NOT NULL,
    penalty    boolean NOT NULL DEFAULT false
);

INSERT INTO clubs VALUES
 (1, 'Riverside FC', 'Riverside', 1889, 32000), (2, 'Northport United', 'Northport', 1902, 18000),
 (3, 'Hillcrest Athletic', 'Hillcrest', 1921, 9500), (4, 'Lakeside Rovers', 'Lakeside', 1899, 14000);

INSERT INTO players VALUES
 (1, 1, 'Marco', 'Reyes', 'forward', DATE '1998-04-11', 'Spain', 12000000),
 (2, 1, 'Tom', 'Hale', 'goalkeeper', DATE '1990-02-01', 'England', 2500000),
 (3, 1, 'Luca', 'Bianchi', 'midfielder', DATE '2002-08-19', 'Italy', 8000000),
 (4, 2, 'Jonas', 'Berg', 'forward', DATE '1996-12-03', 'Norway', 6000000),
 (5, 2, 'Ali', 'Demir', 'defender', DATE '2000-06-30', 'Turkey', 3000000),
 (6, 3, 'Sam', 'Okafor', 'forward', DATE '2004-01-15', 'Nigeria', 4500000),
 (7, 3, 'Pierre', 'Laurent', 'defender', DATE '1988-10-10', 'France', NULL),
 (8, NULL, 'Kenji', 'Sato', 'midfielder', DATE '1995-03-03', 'Japan', 1500000);

INSERT INTO matches VALUES
 (1, 1, 2, now() - interval '40 days', 2, 1, 30100),
 (2, 3, 1, now() - interval '33 days', 1, 1, 9100),
 (3, 2, 3, now() - interval '26 days', 0, 2, 15500),
 (4, 1, 3, now() - interval '12 days', 3, 0, 31000),
 (5, 2, 1, now() + interval '2 days', NULL, NULL, NULL),
 (6, 3, 2, now() + interval '9 days', NULL, NULL, NULL);

INSERT INTO goals VALUES
 (1, 1, 1, 12, false), (2, 1, 1, 55, true), (3, 1, 4, 80, false), (4, 2, 6, 30, false), (5, 2, 3, 71, false),
 (6, 3, 6, 44, false), (7, 3, 6, 90, true), (8, 4, 1, 5, false), (9, 4, 3, 60, false), (10, 4, 1, 88, false);
