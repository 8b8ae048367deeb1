-- An amateur football league: member clubs and their teams in three divisions, registered players, seasons,
-- fixtures with results, goals, cards, referees, and the fees and fines the league charges teams. Data is
-- generated deterministically, dated relative to current_date.

CREATE TYPE match_status AS ENUM ('scheduled', 'played', 'postponed', 'abandoned');

CREATE TABLE clubs (
    club_id        serial PRIMARY KEY,
    name           text NOT NULL UNIQUE,
    founded_year   integer NOT NULL,
    home_ground    text NOT NULL,
    contact_email  text
);

CREATE TABLE teams (
    team_id    serial PRIMARY KEY,
    club_id    integer NOT NULL REFERENCES clubs (club_id),
    name       text NOT NULL UNIQUE,
    division   smallint NOT NULL CHECK (division BETWEEN 1 AND 3),
    age_group  text NOT NULL CHECK (age_group IN ('open', 'veterans'))
);
COMMENT ON COLUMN teams.age_group IS 'veterans teams are for players aged 35 and over';

CREATE TABLE players (
    player_id      serial PRIMARY KEY,
    team_id        integer NOT NULL REFERENCES teams (team_id),
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    dob            date NOT NULL,
    position       text NOT NULL CHECK (position IN ('GK', 'DF', 'MF', 'FW')),
    shirt_number   smallint,
    registered_on  date NOT NULL
);

CREATE TABLE referees (
    referee_id    serial PRIMARY KEY,
    full_name     text NOT NULL,
    grade         smallint NOT NULL CHECK (grade BETWEEN 4 AND 7),
    qualified_on  date NOT NULL
);
COMMENT ON COLUMN referees.grade IS 'FA referee level: 4 is the most senior, 7 the entry level';

CREATE TABLE seasons (
    season_id  serial PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    starts_on  date NOT NULL,
    ends_on    date NOT NULL
);

CREATE TABLE matches (
    match_id      serial PRIMARY KEY,
    season_id     integer NOT NULL REFERENCES seasons (season_id),
    home_team_id  integer NOT NULL REFERENCES teams (team_id),
    away_team_id  integer NOT NULL REFERENCES teams (team_id),
    referee_id    integer REFERENCES referees (referee_id),
    kickoff_at    timestamptz NOT NULL,
    status        match_status NOT NULL DEFAULT 'scheduled',
    home_goals    smallint,
    away_goals    smallint,
    attendance    integer,
    CHECK (home_team_id <> away_team_id)
);
COMMENT ON COLUMN matches.home_goals IS 'final score; NULL unless the match was played';

CREATE TABLE goals (
    goal_id     serial PRIMARY KEY,
    match_id    integer NOT NULL REFERENCES matches (match_id),
    player_id   integer NOT NULL REFERENCES players (player_id),
    minute      smallint NOT NULL CHECK (minute BETWEEN 1 AND 120),
    is_penalty  boolean NOT NULL DEFAULT false
);

CREATE TABLE cards (
    card_id    serial PRIMARY KEY,
    match_id   integer NOT NULL REFERENCES matches (match_id),
    player_id  integer NOT NULL REFERENCES players (player_id),
    minute     smallint NOT NULL,
    colour     text NOT NULL CHECK (colour IN ('yellow', 'red'))
);

CREATE TABLE fees (
    fee_id     serial PRIMARY KEY,
    team_id    integer NOT NULL REFERENCES teams (team_id),
    season_id  integer NOT NULL REFERENCES seasons (season_id),
    kind       text NOT NULL CHECK (kind IN ('registration', 'pitch_levy', 'fine')),
    amount     numeric(8, 2) NOT NULL,
    due_on     date NOT NULL,
    paid_on    date
);
COMMENT ON COLUMN fees.paid_on IS 'NULL while the fee is unpaid';

INSERT INTO clubs (name, founded_year, home_ground, contact_email)
VALUES ('Ashby Town FC', 1921, 'Recreation Ground', 'secretary@ashbytownfc.org'),
       ('Fenton United', 1948, 'Mill Lane', 'fentonunited@example.com'),
       ('Kingsbridge Athletic', 1986, 'Kingsbridge Park', NULL),
       ('Upper Marsh Rangers', 1903, 'The Marsh', 'umr.secretary@example.com'),
       ('Riverside Rovers', 1999, 'Riverside Playing Fields', 'hello@riversiderovers.co.uk'),
       ('St Jude''s Old Boys', 1932, 'St Jude''s School', 'sjob@example.com'),
       ('Harbour Lane FC', 2011, 'Harbour Lane 3G', 'harbourlanefc@example.com'),
       ('Millfield Wanderers', 1967, 'Millfield Common', NULL);

INSERT INTO teams (club_id, name, division, age_group)
VALUES (1, 'Ashby Town', 1, 'open'), (2, 'Fenton United', 1, 'open'), (3, 'Kingsbridge Athletic', 1, 'open'),
       (4, 'Upper Marsh Rangers', 1, 'open'), (5, 'Riverside Rovers', 1, 'open'), (6, 'St Jude''s Old Boys', 1, 'open'),
       (7, 'Harbour Lane', 2, 'open'), (8, 'Millfield Wanderers', 2, 'open'), (1, 'Ashby Town Reserves', 2, 'open'),
       (2, 'Fenton United Reserves', 2, 'open'), (3, 'Kingsbridge Athletic Reserves', 2, 'open'),
       (5, 'Riverside Rovers Reserves', 2, 'open'), (1, 'Ashby Town Veterans', 3, 'veterans'),
       (4, 'Upper Marsh Veterans', 3, 'veterans'), (6, 'St Jude''s Veterans', 3, 'veterans'),
       (8, 'Millfield Veterans', 3, 'veterans');

INSERT INTO players (team_id, first_name, last_name, dob, position, shirt_number, registered_on)
SELECT 1 + (p - 1) / 15,
       (ARRAY['Jack', 'Callum', 'Ryan', 'Connor', 'Josh', 'Liam', 'Kyle', 'Jordan', 'Reece', 'Declan', 'Aaron',
              'Bradley', 'Marcus', 'Owen', 'Harvey', 'Lewis', 'Jamal', 'Tyler', 'Scott', 'Danny'])[1 + (p * 7) % 20],
       (ARRAY['Walker', 'Price', 'Hughes', 'Murphy', 'Clarke', 'Bennett', 'Okoro', 'Fox', 'Gallagher', 'Reid',
              'Turner', 'Mensah', 'Dixon', 'Hale', 'Stone', 'Barnes', 'Quinn'])[1 + (p * 3 + p / 20) % 17],
       current_date - (CASE WHEN p > 180 THEN 13200 ELSE 6800 END + (p * 467) % 5400),
       CASE (p - 1) % 15 WHEN 0 THEN 'GK' WHEN 14 THEN 'GK' WHEN 1 THEN 'DF' WHEN 2 THEN 'DF' WHEN 3 THEN 'DF'
                         WHEN 4 THEN 'DF' WHEN 11 THEN 'DF' WHEN 8 THEN 'FW' WHEN 9 THEN 'FW' WHEN 13 THEN 'FW'
                         ELSE 'MF' END,
       CASE WHEN p % 16 = 0 THEN NULL ELSE 1 + (p - 1) % 15 END,
       current_date - (30 + (p * 53) % 1500)
FROM generate_series(1, 240) p;

INSERT INTO referees (full_name, grade, qualified_on)
SELECT (ARRAY['Alan Whitfield', 'Sunita Rao', 'Graham Pollard', 'Keith Ashworth', 'Nadia Brooks', 'Trevor Lyle',
              'Emma Castleton', 'Mohammed Idris', 'Colin Farrow', 'Beth Ainsworth'])[r],
       (ARRAY[4, 5, 6, 5, 7, 6, 5, 7, 6, 7])[r],
       current_date - (400 + (r * 811) % 7000)
FROM generate_series(1, 10) r;

INSERT INTO seasons (name, starts_on, ends_on)
SELECT extract(year FROM d.starts_on) || '/' || lpad(((extract(year FROM d.starts_on)::int + 1) % 100)::text, 2, '0'),
       d.starts_on,
       d.starts_on + 266 + y * 7
FROM generate_series(0, 2) y
CROSS JOIN LATERAL (SELECT current_date - 100 - (2 - y) * 364 AS starts_on) d;

INSERT INTO matches (season_id, home_team_id, away_team_id, referee_id, kickoff_at, status, home_goals, away_goals, attendance)
SELECT f.season_id, f.home, f.away,
       CASE WHEN f.season_id = 3 THEN 1 + f.n % 7 ELSE 1 + f.n % 10 END,
       f.kickoff_at,
       CASE WHEN f.kickoff_at > current_timestamp THEN 'scheduled'
            WHEN f.n % 29 = 0 THEN 'postponed'
            WHEN f.n % 47 = 0 THEN 'abandoned'
            ELSE 'played' END::match_status,
       NULL, NULL, NULL
FROM (SELECT s.season_id, h.team_id AS home, a.team_id AS away,
             row_number() OVER (ORDER BY s.season_id, h.division, (h.team_id + a.team_id) % 5, h.team_id, a.team_id) AS n,
             (s.starts_on + 21 * ((row_number() OVER (PARTITION BY s.season_id, h.division
                                                      ORDER BY (h.team_id * 3 + a.team_id) % 7, h.team_id, a.team_id) - 1)
                                 / CASE h.division WHEN 3 THEN 2 ELSE 3 END)::int + time '14:00'
              + make_interval(mins => 30 * (h.team_id % 3)))::timestamptz AS kickoff_at
      FROM seasons s
      JOIN teams h ON true
      JOIN teams a ON a.division = h.division AND a.team_id <> h.team_id) f
ORDER BY f.n;

UPDATE matches m
SET home_goals = ((m.match_id * 7 + m.home_team_id) % 4 + CASE WHEN m.home_team_id IN (1, 8) THEN 1 ELSE 0 END),
    away_goals = (m.match_id * 5 + m.away_team_id * 3) % 3 + CASE WHEN m.away_team_id = 2 AND m.match_id % 2 = 0 THEN 1 ELSE 0 END,
    attendance = CASE WHEN m.home_team_id > 12 THEN 15 + m.match_id % 30 ELSE 40 + (m.match_id * 37 + m.home_team_id * 61) % 260 END
WHERE m.status = 'played';

-- each goal is credited to a player of the scoring team; every team's No. 9 scores about a third of them, and
-- two strikers (Riverside Rovers', Millfield Wanderers') rather more
INSERT INTO goals (match_id, player_id, minute, is_penalty)
SELECT m.match_id,
       (side.team_id - 1) * 15 + CASE WHEN (m.match_id + g) % 3 = 0 OR (side.team_id = 5 AND g = 1)
                                           OR (side.team_id = 8 AND m.match_id % 5 = 0) THEN 9
                                      ELSE (ARRAY[8, 9, 13, 7, 10, 6, 5, 11, 2, 12])[1 + (m.match_id * 3 + g * 7) % 10]
                                 END,
       1 + (m.match_id * 13 + g * 29) % 90,
       (m.match_id + g) % 11 = 0
FROM matches m
CROSS JOIN LATERAL (VALUES (m.home_team_id, m.home_goals), (m.away_team_id, m.away_goals)) side(team_id, scored)
CROSS JOIN LATERAL generate_series(1, side.scored) g
WHERE m.status = 'played';

INSERT INTO cards (match_id, player_id, minute, colour)
SELECT m.match_id,
       (CASE WHEN c % 2 = 0 THEN m.home_team_id ELSE m.away_team_id END - 1) * 15 + 2 + (m.match_id * 5 + c * 3) % 12,
       10 + (m.match_id * 17 + c * 23) % 80,
       CASE WHEN (m.match_id + c) % 13 = 0 OR (m.referee_id = 3 AND c = 2) THEN 'red' ELSE 'yellow' END
FROM matches m
CROSS JOIN generate_series(1, 4) c
WHERE m.status = 'played' AND c <= 1 + m.match_id % 4;

INSERT INTO fees (team_id, season_id, kind, amount, due_on, paid_on)
SELECT t.team_id, s.season_id, k.kind,
       CASE k.kind WHEN 'registration' THEN CASE WHEN t.age_group = 'veterans' THEN 120 ELSE 250 END ELSE 180 END,
       s.starts_on + CASE k.kind WHEN 'registration' THEN -14 ELSE 60 END,
       CASE WHEN s.season_id = 3 AND k.kind = 'pitch_levy' AND t.team_id % 3 = 0 THEN NULL
            WHEN s.season_id = 3 AND t.team_id = 7 THEN NULL
            ELSE s.starts_on + CASE k.kind WHEN 'registration' THEN -14 ELSE 60 END - 10 + (t.team_id * 7 + s.season_id * 3) % 25
       END
FROM teams t
CROSS JOIN seasons s
CROSS JOIN (VALUES ('registration'), ('pitch_levy')) k(kind);

-- a £40 fine for every red card, due a fortnight after the match
INSERT INTO fees (team_id, season_id, kind, amount, due_on, paid_on)
SELECT p.team_id, m.season_id, 'fine', 40, m.kickoff_at::date + 14,
       CASE WHEN m.kickoff_at::date + 14 > current_date - 5 THEN NULL ELSE m.kickoff_at::date + 3 + c.card_id % 20 END
FROM cards c
JOIN matches m ON m.match_id = c.match_id
JOIN players p ON p.player_id = c.player_id
WHERE c.colour = 'red';
