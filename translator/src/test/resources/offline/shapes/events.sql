-- An events company: venues, events held at them, attendees, their registrations and the speakers of each event.
CREATE TABLE venues (
    id        integer PRIMARY KEY,
    name      text NOT NULL,
    city      text NOT NULL,
    capacity  integer NOT NULL
);

CREATE TABLE events (
    id            integer PRIMARY KEY,
    venue_id      integer NOT NULL REFERENCES venues (id),
    title         text NOT NULL,
    category      text NOT NULL CHECK (category IN ('concert', 'conference', 'workshop', 'sports')),
    starts_at     timestamp NOT NULL,
    ends_at       timestamp NOT NULL,
    ticket_price  numeric(8,2) NOT NULL,
    cancelled     boolean NOT NULL DEFAULT false
);

CREATE TABLE attendees (
    id         integer PRIMARY KEY,
    full_name  text NOT NULL,
    email      text NOT NULL,
    country    text NOT NULL,
    joined_on  date NOT NULL
);
COMMENT ON TABLE attendees IS 'People who signed up on the ticketing site';

CREATE TABLE registrations (
    id             integer PRIMARY KEY,
    event_id       integer NOT NULL REFERENCES events (id),
    attendee_id    integer NOT NULL REFERENCES attendees (id),
    registered_at  timestamp NOT NULL,
    checked_in     boolean NOT NULL DEFAULT false,
    paid           numeric(8,2) NOT NULL
);

CREATE TABLE speakers (
    id         integer PRIMARY KEY,
    event_id   integer NOT NULL REFERENCES events (id),
    full_name  text NOT NULL,
    fee        numeric(8,2)
);

INSERT INTO venues VALUES (1, 'Harbour Hall', 'Hamburg', 1200), (2, 'Spree Arena', 'Berlin', 8000),
 (3, 'Isar Loft', 'Munich', 150), (4, 'Rhine Pavilion', 'Cologne', 600);

INSERT INTO events VALUES
 (1, 1, 'Jazz Night', 'concert', now() - interval '30 days', now() - interval '30 days' + interval '3 hours', 45.00, false),
 (2, 2, 'Data Summit', 'conference', now() + interval '12 days', now() + interval '14 days', 390.00, false),
 (3, 3, 'Pottery Basics', 'workshop', now() - interval '5 days', now() - interval '5 days' + interval '4 hours', 80.00, false),
 (4, 2, 'Derby Day', 'sports', now() + interval '40 days', now() + interval '40 days' + interval '2 hours', 60.00, false),
 (5, 1, 'Synth Workshop', 'workshop', now() + interval '3 days', now() + interval '3 days' + interval '5 hours', 120.00, false),
 (6, 3, 'Indie Showcase', 'concert', now() - interval '60 days', now() - interval '60 days' + interval '2 hours', 25.00, true);

INSERT INTO attendees VALUES
 (1, 'Jana Vogel', 'jana@example.com', 'Germany', current_date - 400),
 (2, 'Luis Pereira', 'luis@example.com', 'Portugal', current_date - 20),
 (3, 'Emily Clark', 'emily@example.com', 'Ireland', current_date - 90),
 (4, 'Tobias Kern', 'tobias@example.com', 'Germany', current_date - 700),
 (5, 'Nora Haas', 'nora@example.com', 'Austria', current_date - 5);

INSERT INTO registrations VALUES
 (1, 1, 1, now() - interval '50 days', true, 45.00), (2, 1, 4, now() - interval '45 days', true, 45.00),
 (3, 2, 1, now() - interval '10 days', false, 390.00), (4, 2, 3, now() - interval '8 days', false, 350.00),
 (5, 3, 2, now() - interval '15 days', true, 80.00), (6, 5, 3, now() - interval '2 days', false, 120.00),
 (7, 2, 4, now() - interval '1 day', false, 390.00);

INSERT INTO speakers VALUES
 (1, 2, 'Dr. Mia Lang', 2500.00), (2, 2, 'Raj Patel', 1800.00), (3, 3, 'Ole Berg', NULL), (4, 5, 'Kim Soto', 600.00);
