-- An electric-vehicle charging network in western Europe, with the naming of an ORM-generated application
-- database: id keys, <table>_id foreign keys, created_at / updated_at on every table, is_ booleans, text statuses.

CREATE TYPE connector_type AS ENUM ('ccs2', 'chademo', 'type2');

CREATE TABLE sites (
    id           bigint PRIMARY KEY,
    name         text NOT NULL,
    city         text NOT NULL,
    country_code char(2) NOT NULL CHECK (country_code IN ('IE', 'FR', 'BE', 'NL', 'DE', 'LU')),
    host_type    text NOT NULL CHECK (host_type IN ('supermarket', 'hotel', 'motorway_services', 'car_park', 'office')),
    is_active    boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
COMMENT ON COLUMN sites.country_code IS 'ISO 3166-1 alpha-2';

CREATE TABLE chargers (
    id              bigint PRIMARY KEY,
    site_id         bigint NOT NULL REFERENCES sites (id),
    serial_number   text NOT NULL UNIQUE,
    connector_type  connector_type NOT NULL,
    max_power_kw    numeric(5,1) NOT NULL,
    status          text NOT NULL CHECK (status IN ('available', 'charging', 'faulted', 'offline', 'retired')),
    commissioned_at timestamptz NOT NULL,
    warranty_until  date NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
COMMENT ON COLUMN chargers.max_power_kw IS 'Rated output. AC chargers are 22 kW; rapid DC chargers are 50 kW and above.';

CREATE TABLE tariffs (
    id               bigint PRIMARY KEY,
    name             text NOT NULL UNIQUE,
    price_per_kwh    numeric(6,3) NOT NULL,
    idle_fee_per_min numeric(5,2) NOT NULL,
    is_active        boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
COMMENT ON TABLE tariffs IS 'Prices are in euros.';

CREATE TABLE fleets (
    id           bigint PRIMARY KEY,
    company_name text NOT NULL,
    country_code char(2) NOT NULL,
    discount_pct numeric(4,1) NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE users (
    id            bigint PRIMARY KEY,
    email         text NOT NULL UNIQUE,
    display_name  text NOT NULL,
    country_code  char(2) NOT NULL,
    plan          text NOT NULL CHECK (plan IN ('payg', 'member')),
    fleet_id      bigint REFERENCES fleets (id),
    is_active     boolean NOT NULL DEFAULT true,
    last_login_at timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE TABLE charging_sessions (
    id           bigint PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id),
    charger_id   bigint NOT NULL REFERENCES chargers (id),
    tariff_id    bigint NOT NULL REFERENCES tariffs (id),
    started_at   timestamptz NOT NULL,
    ended_at     timestamptz,
    unplugged_at timestamptz,
    energy_kwh   numeric(7,3) NOT NULL DEFAULT 0,
    amount       numeric(8,2),
    status       text NOT NULL CHECK (status IN ('in_progress', 'completed', 'failed', 'refunded')),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
COMMENT ON COLUMN charging_sessions.ended_at IS 'When charging stopped. The car may stay plugged in after that (idle fees apply until unplugged_at).';
COMMENT ON COLUMN charging_sessions.amount IS 'Billed amount in euros, null while in progress.';

CREATE TABLE fault_reports (
    id                  bigint PRIMARY KEY,
    charger_id          bigint NOT NULL REFERENCES chargers (id),
    reported_by_user_id bigint REFERENCES users (id),
    severity            text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    description         text NOT NULL,
    reported_at         timestamptz NOT NULL,
    resolved_at         timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

INSERT INTO sites (id, name, city, country_code, host_type, is_active, created_at, updated_at)
SELECT v.id, v.name, v.city, v.cc, v.host, v.active,
       current_date - (1500 - v.id * 47) + interval '10 hours',
       CASE WHEN v.active THEN current_date - (1500 - v.id * 47) + interval '10 hours' ELSE current_date - 40 + interval '16 hours' END
FROM (VALUES
    (1, 'Dublin Airport', 'Dublin', 'IE', 'car_park', true),
    (2, 'Dublin Docklands', 'Dublin', 'IE', 'office', true),
    (3, 'Cork Mahon Point', 'Cork', 'IE', 'supermarket', true),
    (4, 'Galway Briarhill', 'Galway', 'IE', 'supermarket', true),
    (5, 'Athlone M6', 'Athlone', 'IE', 'motorway_services', true),
    (6, 'Lyon Part-Dieu', 'Lyon', 'FR', 'car_park', true),
    (7, 'Lille Europe', 'Lille', 'FR', 'hotel', true),
    (8, 'Paris Bercy', 'Paris', 'FR', 'car_park', true),
    (9, 'Reims A4 Services', 'Reims', 'FR', 'motorway_services', true),
    (10, 'Rouen Centre', 'Rouen', 'FR', 'supermarket', false),
    (11, 'Brussels Midi', 'Brussels', 'BE', 'car_park', true),
    (12, 'Antwerp Port', 'Antwerp', 'BE', 'office', true),
    (13, 'Ghent Dampoort', 'Ghent', 'BE', 'supermarket', true),
    (14, 'Liege Guillemins', 'Liege', 'BE', 'hotel', true),
    (15, 'E40 Aalter Services', 'Aalter', 'BE', 'motorway_services', true),
    (16, 'Amsterdam Zuid', 'Amsterdam', 'NL', 'office', true),
    (17, 'Rotterdam Centraal', 'Rotterdam', 'NL', 'car_park', true),
    (18, 'Utrecht Papendorp', 'Utrecht', 'NL', 'office', true),
    (19, 'Eindhoven High Tech', 'Eindhoven', 'NL', 'hotel', true),
    (20, 'A2 Nederweert Services', 'Nederweert', 'NL', 'motorway_services', true),
    (21, 'Cologne Deutz', 'Cologne', 'DE', 'hotel', true),
    (22, 'Aachen Tivoli', 'Aachen', 'DE', 'supermarket', true),
    (23, 'Dusseldorf Airport', 'Dusseldorf', 'DE', 'car_park', true),
    (24, 'A3 Siegburg Services', 'Siegburg', 'DE', 'motorway_services', true),
    (25, 'Bonn Hbf', 'Bonn', 'DE', 'car_park', false),
    (26, 'Luxembourg Kirchberg', 'Luxembourg', 'LU', 'office', true),
    (27, 'Luxembourg Cloche d''Or', 'Luxembourg', 'LU', 'supermarket', true)
) AS v (id, name, city, cc, host, active);

-- two to six chargers a site; motorway services get the fast ones
INSERT INTO chargers (id, site_id, serial_number, connector_type, max_power_kw, status, commissioned_at, warranty_until, created_at, updated_at)
SELECT row_number() OVER (ORDER BY s.id, k), s.id,
       'EVX-' || lpad((s.id * 100 + k)::text, 5, '0'),
       CASE WHEN s.host_type = 'motorway_services' THEN CASE WHEN k % 4 = 0 THEN 'chademo' ELSE 'ccs2' END
            WHEN (s.id + k) % 3 = 0 THEN 'ccs2' ELSE 'type2' END::connector_type,
       CASE WHEN s.host_type = 'motorway_services' THEN CASE WHEN k % 4 = 0 THEN 50 WHEN k % 2 = 0 THEN 350 ELSE 150 END
            WHEN (s.id + k) % 3 = 0 THEN 50 ELSE 22 END,
       CASE WHEN NOT s.is_active THEN 'retired' ELSE 'available' END,
       s.created_at + k * interval '3 days',
       (s.created_at + k * interval '3 days')::date + 730,
       s.created_at + k * interval '3 days', s.updated_at
FROM sites s
CROSS JOIN LATERAL generate_series(1, 2 + (s.id * 3) % 5) k;

INSERT INTO tariffs VALUES
    (1, 'Standard AC', 0.450, 0.05, true, current_date - 1500, current_date - 300),
    (2, 'Rapid DC', 0.590, 0.20, true, current_date - 1500, current_date - 300),
    (3, 'Ultra DC', 0.690, 0.30, true, current_date - 1200, current_date - 300),
    (4, 'Member', 0.390, 0.10, true, current_date - 1100, current_date - 300),
    (5, 'Launch Offer', 0.290, 0.00, false, current_date - 1500, current_date - 300);

INSERT INTO fleets VALUES
    (1, 'Nordwind Logistik', 'DE', 12.5, current_date - 900, current_date - 900),
    (2, 'Celtic Couriers', 'IE', 10.0, current_date - 820, current_date - 820),
    (3, 'Taxi Bleu Lyon', 'FR', 15.0, current_date - 700, current_date - 700),
    (4, 'Groenrijders', 'NL', 8.0, current_date - 610, current_date - 610),
    (5, 'Brussels Care Services', 'BE', 5.0, current_date - 400, current_date - 400),
    (6, 'Moselle Vans', 'LU', 7.5, current_date - 30, current_date - 30);

INSERT INTO users (id, email, display_name, country_code, plan, fleet_id, is_active, last_login_at, created_at, updated_at)
SELECT u,
       'user' || u || '@mail.example',
       (ARRAY['Sean', 'Aoife', 'Lucas', 'Camille', 'Daan', 'Sanne', 'Jonas', 'Lea', 'Noah', 'Emma', 'Finn', 'Chloe',
              'Milan', 'Julie', 'Ciaran', 'Nora', 'Hugo', 'Ines', 'Lars', 'Marie'])[(u % 20) + 1]
           || ' ' || (ARRAY['Murphy', 'Byrne', 'Dubois', 'Martin', 'Peeters', 'Janssens', 'de Vries', 'Bakker', 'Muller',
                            'Schmidt', 'Weber', 'Schmit', 'Kelly', 'Moreau', 'Laurent', 'Visser', 'Smit', 'Maes', 'Claes',
                            'Becker', 'Wagner', 'Walsh', 'Ryan', 'Leroy', 'Meyer', 'Hoffmann', 'Jacobs', 'Mulder', 'Bos',
                            'Girard', 'Fischer'])[(u % 31) + 1],
       (ARRAY['IE', 'FR', 'BE', 'NL', 'DE', 'LU', 'DE', 'NL', 'FR', 'IE'])[(u % 10) + 1],
       CASE WHEN u % 3 = 0 THEN 'member' ELSE 'payg' END,
       CASE WHEN u % 7 = 0 THEN (u / 7) % 5 + 1 END,
       u % 23 <> 0,
       CASE WHEN u % 8 <> 0 THEN current_date - 1 - (u * 11) % 200 + interval '19 hours' END,
       current_date - 1101 + (u * 1100) / 600 + make_interval(hours => 7 + u % 14, mins => (u * 17) % 60),
       current_date - 1101 + (u * 1100) / 600 + make_interval(hours => 7 + u % 14, mins => (u * 17) % 60)
FROM generate_series(1, 600) u;

-- 7000 sessions over the past year by the first 570 users; the last few are still charging
INSERT INTO charging_sessions (id, user_id, charger_id, tariff_id, started_at, ended_at, unplugged_at, energy_kwh, amount, status, created_at, updated_at)
SELECT s.id, s.user_id, s.charger_id, s.tariff_id, s.started_at,
       CASE WHEN s.id <= 6994 THEN s.started_at + s.minutes * interval '1 minute' END,
       CASE WHEN s.id <= 6994 THEN s.started_at + (s.minutes + s.idle) * interval '1 minute' END,
       CASE WHEN s.id % 41 = 0 THEN 0 ELSE s.energy END,
       CASE WHEN s.id > 6994 THEN NULL WHEN s.id % 41 = 0 THEN 0
            ELSE round(s.energy * s.price + s.idle * s.idle_fee, 2) END,
       CASE WHEN s.id > 6994 THEN 'in_progress' WHEN s.id % 41 = 0 THEN 'failed' WHEN s.id % 97 = 0 THEN 'refunded' ELSE 'completed' END,
       s.started_at, s.started_at + (s.minutes + s.idle) * interval '1 minute'
FROM (SELECT b.*, t.price_per_kwh AS price, t.idle_fee_per_min AS idle_fee,
             round(least(80, b.power * 0.6 * b.minutes / 60.0), 3) AS energy
      FROM (SELECT a.*,
                   CASE WHEN a.started_at < current_date - 300 THEN 5
                        WHEN u.plan = 'member' THEN 4
                        WHEN a.power >= 150 THEN 3 WHEN a.power >= 50 THEN 2 ELSE 1 END AS tariff_id,
                   CASE WHEN a.power >= 50 THEN 15 + (a.id * 13) % 50 ELSE 60 + (a.id * 29) % 240 END AS minutes,
                   CASE WHEN a.id % 6 = 0 THEN 5 + (a.id * 7) % 40 ELSE 0 END AS idle
            FROM (SELECT i AS id,
                         1 + floor(570 * power((i * 0.6180339887) % 1, 1.5))::int AS user_id,
                         c.id AS charger_id, c.max_power_kw AS power,
                         CASE WHEN i > 6994 THEN current_date + make_interval(mins => (i - 6994) * 9)
                              ELSE (current_date - 1 - ((7000 - i) * 365) / 7000) + make_interval(hours => 6 + i % 16, mins => (i * 7) % 60)
                         END AS started_at
                  FROM generate_series(1, 7000) i
                  JOIN LATERAL (SELECT ch.id, ch.max_power_kw FROM chargers ch
                                WHERE ch.status <> 'retired' OR i < 6400
                                ORDER BY ch.id
                                OFFSET floor(power((i * 0.7548776662) % 1, 1.3) * (SELECT count(*) FROM chargers WHERE status <> 'retired' OR i < 6400))::int
                                LIMIT 1) c ON true) a
            JOIN users u ON u.id = a.user_id) b
      JOIN tariffs t ON t.id = b.tariff_id) s;

INSERT INTO fault_reports (id, charger_id, reported_by_user_id, severity, description, reported_at, resolved_at, created_at, updated_at)
SELECT f, (SELECT ch.id FROM chargers ch WHERE ch.status <> 'retired' ORDER BY ch.id
           OFFSET (f * 37) % (SELECT count(*) FROM chargers WHERE status <> 'retired') LIMIT 1),
       CASE WHEN f % 3 = 0 THEN NULL ELSE ((f * 53) % 570) + 1 END,
       (ARRAY['low', 'medium', 'medium', 'high', 'low', 'critical'])[(f % 6) + 1],
       (ARRAY['Screen not responding', 'Cable damaged', 'Payment terminal offline', 'Charging stops after a few minutes',
              'Connector stuck in car', 'No power', 'Card reader broken', 'Bay blocked by non-EV'])[(f % 8) + 1],
       current_date - 1 - (200 - f) * 2 + make_interval(hours => 8 + f % 10),
       CASE WHEN f > 194 OR f % 31 = 0 THEN NULL
            ELSE current_date - 1 - (200 - f) * 2 + make_interval(hours => 8 + f % 10) + (3 + (f * 7) % 70) * interval '1 hour' END,
       current_date - 1 - (200 - f) * 2 + make_interval(hours => 8 + f % 10),
       current_date - 1 - (200 - f) * 2 + make_interval(hours => 8 + f % 10)
FROM generate_series(1, 200) f;

UPDATE chargers SET status = 'faulted', updated_at = now()
WHERE id IN (SELECT charger_id FROM fault_reports WHERE resolved_at IS NULL AND severity IN ('high', 'critical'));
UPDATE chargers SET status = 'offline' WHERE id IN (7, 44) AND status = 'available';
UPDATE chargers SET status = 'charging' WHERE id IN (SELECT charger_id FROM charging_sessions WHERE status = 'in_progress');
