-- A video streaming service: its catalogue of titles (films and series with seasons and episodes) by genre,
-- subscribers on plans, their subscriptions, monthly payments and viewing sessions. Data is generated
-- deterministically, dated relative to current_date.

CREATE TYPE title_kind AS ENUM ('movie', 'series', 'documentary', 'special');

CREATE TABLE genres (
    genre_id  serial PRIMARY KEY,
    name      text NOT NULL UNIQUE
);

CREATE TABLE titles (
    title_id         serial PRIMARY KEY,
    name             text NOT NULL,
    kind             title_kind NOT NULL,
    genre_id         integer NOT NULL REFERENCES genres (genre_id),
    release_year     integer NOT NULL,
    maturity_rating  text NOT NULL CHECK (maturity_rating IN ('U', 'PG', '12', '15', '18')),
    runtime_minutes  integer,
    is_original      boolean NOT NULL DEFAULT false,
    added_on         date NOT NULL,
    removed_on       date
);
COMMENT ON COLUMN titles.runtime_minutes IS 'length of a film, documentary or special; NULL for series (see episodes)';
COMMENT ON COLUMN titles.is_original IS 'produced or commissioned by us (an Original)';
COMMENT ON COLUMN titles.removed_on IS 'when the title left the catalogue; NULL while it is still available';

CREATE TABLE seasons (
    season_id      serial PRIMARY KEY,
    title_id       integer NOT NULL REFERENCES titles (title_id),
    season_number  integer NOT NULL,
    released_on    date NOT NULL,
    UNIQUE (title_id, season_number)
);

CREATE TABLE episodes (
    episode_id       serial PRIMARY KEY,
    season_id        integer NOT NULL REFERENCES seasons (season_id),
    episode_number   integer NOT NULL,
    name             text NOT NULL,
    runtime_minutes  integer NOT NULL
);

CREATE TABLE plans (
    plan_id        serial PRIMARY KEY,
    name           text NOT NULL UNIQUE,
    monthly_price  numeric(6, 2) NOT NULL,
    max_streams    integer NOT NULL,
    resolution     text NOT NULL CHECK (resolution IN ('SD', 'HD', '4K')),
    has_ads        boolean NOT NULL
);

CREATE TABLE subscribers (
    subscriber_id  serial PRIMARY KEY,
    email          text NOT NULL UNIQUE,
    display_name   text NOT NULL,
    country        char(2) NOT NULL,
    dob            date,
    joined_at      timestamptz NOT NULL,
    referred_by    integer REFERENCES subscribers (subscriber_id)
);
COMMENT ON COLUMN subscribers.country IS 'ISO 3166 two-letter country code';

CREATE TABLE subscriptions (
    subscription_id  serial PRIMARY KEY,
    subscriber_id    integer NOT NULL REFERENCES subscribers (subscriber_id),
    plan_id          integer NOT NULL REFERENCES plans (plan_id),
    status           text NOT NULL CHECK (status IN ('trial', 'active', 'paused', 'cancelled')),
    started_on       date NOT NULL,
    ended_on         date,
    cancel_reason    text CHECK (cancel_reason IN ('price', 'content', 'technical', 'moved_plan', 'other'))
);

CREATE TABLE payments (
    payment_id       serial PRIMARY KEY,
    subscription_id  integer NOT NULL REFERENCES subscriptions (subscription_id),
    amount           numeric(8, 2) NOT NULL,
    paid_at          timestamptz NOT NULL,
    status           text NOT NULL CHECK (status IN ('succeeded', 'failed', 'refunded'))
);

CREATE TABLE viewing_sessions (
    session_id       bigserial PRIMARY KEY,
    subscriber_id    integer NOT NULL REFERENCES subscribers (subscriber_id),
    title_id         integer NOT NULL REFERENCES titles (title_id),
    episode_id       integer REFERENCES episodes (episode_id),
    device           text NOT NULL CHECK (device IN ('tv', 'mobile', 'tablet', 'web')),
    started_at       timestamptz NOT NULL,
    minutes_watched  integer NOT NULL,
    finished         boolean NOT NULL DEFAULT false
);
COMMENT ON COLUMN viewing_sessions.finished IS 'the viewer reached the end credits of the film or episode';

INSERT INTO genres (name)
VALUES ('Drama'), ('Comedy'), ('Thriller'), ('Sci-Fi'), ('Documentary'), ('Animation'), ('Horror'), ('Romance'),
       ('Crime'), ('Reality'), ('Western');

INSERT INTO titles (name, kind, genre_id, release_year, maturity_rating, runtime_minutes, is_original, added_on, removed_on)
SELECT (ARRAY['The', 'A Long', 'Midnight', 'Silent', 'Broken', 'Golden', 'Last', 'Hidden', 'Northern', 'Paper',
              'Electric', 'Wild'])[1 + t % 12] || ' ' ||
       (ARRAY['Harbour', 'Summer', 'Signal', 'Orchard', 'Kingdom', 'Frontier', 'Lights', 'Witness', 'Garden',
              'Engine', 'Tide', 'Crown', 'Echo', 'Valley'])[1 + (t / 12) % 14] ||
       CASE WHEN t > 168 THEN ' II' ELSE '' END,
       k.kind,
       CASE WHEN k.kind = 'documentary' THEN 5 ELSE (ARRAY[1, 2, 3, 4, 6, 7, 8, 9, 10, 1, 3, 9, 2])[1 + t % 13] END,
       2026 - (t * 7) % 30 - CASE WHEN t % 9 = 0 THEN 20 ELSE 0 END,
       (ARRAY['U', 'PG', '12', '15', '18', '12', '15'])[1 + t % 7],
       CASE WHEN k.kind = 'series' THEN NULL
            WHEN k.kind = 'special' THEN 45 + t % 30
            ELSE 80 + (t * 13) % 85 END,
       t % 5 = 0 OR t % 20 = 11,
       current_date - (10 + (t * 41) % 1400),
       CASE WHEN t % 11 = 0 THEN current_date - (t * 3) % 200 END
FROM generate_series(1, 180) t
CROSS JOIN LATERAL (SELECT (ARRAY['movie', 'series', 'movie', 'documentary', 'series', 'movie', 'special', 'movie',
                                  'series', 'movie'])[1 + t % 10]::title_kind AS kind) k;

INSERT INTO seasons (title_id, season_number, released_on)
SELECT t.title_id, n, make_date(t.release_year, 1 + (t.title_id * 5) % 12, 1) + (n - 1) * 365
FROM titles t
CROSS JOIN generate_series(1, 5) n
WHERE t.kind = 'series' AND n <= 1 + t.title_id % 5
  AND make_date(t.release_year, 1 + (t.title_id * 5) % 12, 1) + (n - 1) * 365 < current_date;

INSERT INTO episodes (season_id, episode_number, name, runtime_minutes)
SELECT s.season_id, e, 'Episode ' || e, 22 + (s.season_id * 7 + e * 3) % 40
FROM seasons s
CROSS JOIN generate_series(1, 10) e
WHERE e <= 6 + s.season_id % 5;

INSERT INTO plans (name, monthly_price, max_streams, resolution, has_ads)
VALUES ('Basic with Ads', 5.99, 1, 'HD', true), ('Standard', 10.99, 2, 'HD', false),
       ('Premium', 17.99, 4, '4K', false), ('Mobile', 3.99, 1, 'SD', true);

INSERT INTO subscribers (email, display_name, country, dob, joined_at, referred_by)
SELECT 'user' || s || '@mail.example', 
       (ARRAY['alex', 'sam', 'jo', 'kim', 'max', 'ria', 'ted', 'liv', 'ash', 'noor', 'ben', 'eva', 'raj', 'zoe'])[1 + s % 14]
           || '_' || (ARRAY['m', 'k', 'p', 'r', 't', 'w', 's'])[1 + (s * 3) % 7] || s,
       (ARRAY['GB', 'US', 'DE', 'GB', 'FR', 'US', 'GB', 'IE', 'DE', 'GB', 'NL', 'US', 'GB', 'ES', 'FR', 'DE',
              'GB', 'US', 'CA', 'IE'])[1 + s % 20],
       CASE WHEN s % 8 = 0 THEN NULL ELSE make_date(1950 + (s * 17) % 57, 1 + s % 12, 1 + s % 28) END,
       current_timestamp - make_interval(days => 5 + (s * 29) % 1100, hours => s % 24),
       NULL
FROM generate_series(1, 500) s;
UPDATE subscribers s SET referred_by = r.subscriber_id
FROM subscribers r
WHERE s.subscriber_id % 7 = 0 AND r.subscriber_id = 1 + (s.subscriber_id * 13) % 60 AND r.joined_at < s.joined_at;

INSERT INTO subscriptions (subscriber_id, plan_id, status, started_on, ended_on, cancel_reason)
SELECT s.subscriber_id,
       (ARRAY[2, 1, 3, 2, 4, 2, 1, 3, 2])[1 + s.subscriber_id % 9],
       x.status,
       s.joined_at::date,
       CASE WHEN x.status = 'cancelled'
            THEN least(s.joined_at::date + 30 + (s.subscriber_id * 19) % 500, current_date - 1) END,
       CASE WHEN x.status = 'cancelled'
            THEN (ARRAY['price', 'content', 'technical', 'moved_plan', 'other', 'price', 'content'])[1 + s.subscriber_id % 7] END
FROM subscribers s
CROSS JOIN LATERAL (SELECT CASE WHEN s.joined_at > current_timestamp - interval '30 days' THEN 'trial'
                                WHEN s.subscriber_id % 5 = 0 THEN 'cancelled'
                                WHEN s.subscriber_id % 17 = 0 THEN 'paused'
                                ELSE 'active' END AS status) x;
-- a quarter of those who cancelled for moved_plan came back on another plan the day after
INSERT INTO subscriptions (subscriber_id, plan_id, status, started_on, ended_on, cancel_reason)
SELECT subscriber_id, CASE WHEN plan_id = 3 THEN 2 ELSE 3 END, 'active', ended_on + 1, NULL, NULL
FROM subscriptions
WHERE cancel_reason = 'moved_plan';

INSERT INTO payments (subscription_id, amount, paid_at, status)
SELECT sub.subscription_id, p.monthly_price,
       (sub.started_on + make_interval(months => m))::timestamptz + make_interval(hours => 3 + sub.subscription_id % 5),
       CASE WHEN (sub.subscription_id + m) % 23 = 0 THEN 'failed'
            WHEN (sub.subscription_id * m) % 97 = 5 THEN 'refunded'
            ELSE 'succeeded' END
FROM subscriptions sub
JOIN plans p ON p.plan_id = sub.plan_id
CROSS JOIN generate_series(0, 40) m
WHERE sub.status <> 'trial'
  AND sub.started_on + make_interval(months => m) <= coalesce(sub.ended_on, current_date)
  AND (sub.status <> 'paused' OR sub.started_on + make_interval(months => m) < current_date - 90);

INSERT INTO viewing_sessions (subscriber_id, title_id, episode_id, device, started_at, minutes_watched, finished)
SELECT v.subscriber_id, v.title_id, ep.episode_id,
       (ARRAY['tv', 'tv', 'mobile', 'web', 'tv', 'tablet', 'mobile'])[1 + n % 7],
       v.started_at,
       least(coalesce(ep.runtime_minutes, t.runtime_minutes), 5 + (n * 11) % 170),
       5 + (n * 11) % 170 >= coalesce(ep.runtime_minutes, t.runtime_minutes)
FROM generate_series(1, 6000) n
CROSS JOIN LATERAL (SELECT 1 + (n * 7) % 500 AS subscriber_id,
                           1 + (n * 31 + n / 40) % 180 AS title_id,
                           current_timestamp - make_interval(days => (n * 3) % 400, hours => (n * 5) % 24,
                                                             mins => n % 60) AS started_at) v
JOIN titles t ON t.title_id = v.title_id
LEFT JOIN LATERAL (SELECT e.episode_id, e.runtime_minutes
                   FROM seasons s JOIN episodes e ON e.season_id = s.season_id
                   WHERE s.title_id = t.title_id
                   ORDER BY (e.episode_id * 13 + n) % 17, e.episode_id LIMIT 1) ep ON t.kind = 'series'
JOIN subscribers sb ON sb.subscriber_id = v.subscriber_id
WHERE v.started_at > sb.joined_at
  AND (t.kind <> 'series' OR ep.episode_id IS NOT NULL)
  AND v.title_id NOT IN (45, 90, 135);
