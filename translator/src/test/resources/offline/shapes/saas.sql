-- A software-as-a-service business: plans, customer accounts, their subscriptions, invoices and support tickets.
CREATE TYPE plan_tier AS ENUM ('free', 'starter', 'pro', 'enterprise');

CREATE TABLE plans (
    id             integer PRIMARY KEY,
    name           text NOT NULL,
    tier           plan_tier NOT NULL,
    monthly_price  numeric(8,2) NOT NULL
);

CREATE TABLE accounts (
    id            integer PRIMARY KEY,
    company       text NOT NULL,
    country       text NOT NULL,
    industry      text,
    signed_up_at  timestamp NOT NULL,
    churned_at    timestamp
);
COMMENT ON TABLE accounts IS 'Customer companies';

CREATE TABLE subscriptions (
    id          integer PRIMARY KEY,
    account_id  integer NOT NULL REFERENCES accounts (id),
    plan_id     integer NOT NULL REFERENCES plans (id),
    started_on  date NOT NULL,
    ends_on     date,
    seats       integer NOT NULL,
    status      text NOT NULL CHECK (status IN ('trial', 'active', 'past_due', 'canceled'))
);

CREATE TABLE invoices (
    id               integer PRIMARY KEY,
    subscription_id  integer NOT NULL REFERENCES subscriptions (id),
    issued_on        date NOT NULL,
    due_on           date NOT NULL,
    paid_on          date,
    amount           numeric(10,2) NOT NULL
);

CREATE TABLE support_tickets (
    id          integer PRIMARY KEY,
    account_id  integer NOT NULL REFERENCES accounts (id),
    opened_at   timestamp NOT NULL,
    closed_at   timestamp,
    priority    text NOT NULL CHECK (priority IN ('low', 'normal', 'urgent')),
    subject     text NOT NULL
);

INSERT INTO plans VALUES
 (1, 'Free', 'free', 0.00), (2, 'Starter', 'starter', 29.00), (3, 'Pro', 'pro', 99.00),
 (4, 'Enterprise', 'enterprise', 499.00), (5, 'Pro Annual', 'pro', 89.00);

INSERT INTO accounts VALUES
 (1, 'Acme GmbH', 'Germany', 'Manufacturing', now() - interval '700 days', NULL),
 (2, 'Blue Fjord AS', 'Norway', 'Shipping', now() - interval '400 days', NULL),
 (3, 'Cobalt SARL', 'France', NULL, now() - interval '45 days', NULL),
 (4, 'Delta Foods', 'Germany', 'Retail', now() - interval '300 days', now() - interval '20 days'),
 (5, 'Echo Labs', 'France', 'Software', now() - interval '10 days', NULL),
 (6, 'Fjell Energi', 'Norway', 'Energy', now() - interval '900 days', now() - interval '100 days');

INSERT INTO subscriptions VALUES
 (1, 1, 4, current_date - 700, NULL, 40, 'active'),
 (2, 2, 3, current_date - 400, current_date + 20, 12, 'active'),
 (3, 3, 2, current_date - 45, NULL, 3, 'past_due'),
 (4, 4, 3, current_date - 300, current_date - 20, 8, 'canceled'),
 (5, 5, 3, current_date - 10, current_date + 4, 5, 'trial'),
 (6, 6, 2, current_date - 900, current_date - 100, 6, 'canceled'),
 (7, 1, 5, current_date - 60, current_date + 300, 2, 'active');

INSERT INTO invoices VALUES
 (1, 1, current_date - 60, current_date - 30, current_date - 35, 19960.00),
 (2, 1, current_date - 30, current_date, current_date - 2, 19960.00),
 (3, 2, current_date - 40, current_date - 10, current_date - 5, 1188.00),
 (4, 3, current_date - 40, current_date - 10, NULL, 87.00),
 (5, 4, current_date - 50, current_date - 20, current_date - 25, 792.00),
 (6, 6, current_date - 130, current_date - 100, current_date - 90, 174.00),
 (7, 7, current_date - 20, current_date + 10, NULL, 58.00),
 (8, 2, current_date - 10, current_date + 20, NULL, 1188.00);

INSERT INTO support_tickets VALUES
 (1, 1, now() - interval '30 days', now() - interval '29 days', 'urgent', 'Login fails'),
 (2, 1, now() - interval '5 days', NULL, 'normal', 'Export too slow'),
 (3, 2, now() - interval '2 days', NULL, 'urgent', 'Invoice wrong'),
 (4, 3, now() - interval '20 days', now() - interval '18 days', 'low', 'Dark mode'),
 (5, 1, now() - interval '1 day', NULL, 'urgent', 'API errors'),
 (6, 4, now() - interval '60 days', now() - interval '50 days', 'normal', 'Cancel plan');
