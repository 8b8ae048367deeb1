-- A translation and interpreting agency in Berlin: clients order projects, which the agency's linguists
-- (staff and freelance) translate, review or interpret. Languages are ISO 639-1 codes; money is in euros.

CREATE TYPE service_kind AS ENUM ('translation', 'proofreading', 'transcreation', 'subtitling', 'interpreting');

CREATE TABLE clients (
    client_id       integer PRIMARY KEY,
    name            text NOT NULL UNIQUE,
    sector          text NOT NULL CHECK (sector IN ('Legal', 'Medical', 'Technical', 'Marketing', 'Public Sector')),
    country         char(2) NOT NULL,
    account_manager text NOT NULL,
    client_since    date NOT NULL
);
COMMENT ON COLUMN clients.country IS 'ISO 3166 country code of the client''s billing address';
COMMENT ON COLUMN clients.account_manager IS 'Our member of staff who looks after this client';

CREATE TABLE linguists (
    linguist_id   integer PRIMARY KEY,
    full_name     text NOT NULL,
    native_lang   char(2) NOT NULL,
    city          text NOT NULL,
    is_freelance  boolean NOT NULL,
    rate_per_word numeric(5,3) NOT NULL,
    joined_on     date NOT NULL,
    mentor_id     integer REFERENCES linguists (linguist_id)
);
COMMENT ON TABLE linguists IS 'Translators, reviewers and interpreters. Linguists translate into their native language.';
COMMENT ON COLUMN linguists.native_lang IS 'ISO 639-1 code, e.g. de, en, fr';
COMMENT ON COLUMN linguists.is_freelance IS 'true for freelancers, false for in-house staff';
COMMENT ON COLUMN linguists.rate_per_word IS 'What we pay the linguist per word translated, EUR';
COMMENT ON COLUMN linguists.mentor_id IS 'Senior linguist who reviews a new linguist''s work during their first year';

CREATE TABLE projects (
    project_id   integer PRIMARY KEY,
    ref          text NOT NULL UNIQUE,
    client_id    integer NOT NULL REFERENCES clients (client_id),
    title        text NOT NULL,
    service      service_kind NOT NULL,
    source_lang  char(2) NOT NULL,
    target_lang  char(2) NOT NULL,
    word_count   integer,
    hours        numeric(5,1),
    quoted_price numeric(10,2) NOT NULL,
    final_price  numeric(10,2),
    ordered_at   timestamp NOT NULL,
    deadline     timestamp NOT NULL,
    delivered_at timestamp,
    status       text NOT NULL CHECK (status IN ('quoted', 'in progress', 'delivered', 'cancelled'))
);
COMMENT ON COLUMN projects.ref IS 'Project reference used with the client';
COMMENT ON COLUMN projects.word_count IS 'Source words; empty for interpreting, which is billed by the hour';
COMMENT ON COLUMN projects.hours IS 'Interpreting hours booked';
COMMENT ON COLUMN projects.quoted_price IS 'Price quoted to the client, EUR excluding VAT';
COMMENT ON COLUMN projects.final_price IS 'Price invoiced on delivery (may differ from the quote when the text changed); empty until delivered';
COMMENT ON COLUMN projects.status IS 'quoted = waiting for the client to accept; in progress; delivered; cancelled';

CREATE TABLE assignments (
    assignment_id integer PRIMARY KEY,
    project_id    integer NOT NULL REFERENCES projects (project_id),
    linguist_id   integer NOT NULL REFERENCES linguists (linguist_id),
    role          text NOT NULL CHECK (role IN ('translator', 'reviewer', 'interpreter')),
    fee           numeric(9,2) NOT NULL
);
COMMENT ON COLUMN assignments.fee IS 'Amount paid to the linguist for this job, EUR';

CREATE TABLE complaints (
    complaint_id integer PRIMARY KEY,
    project_id   integer NOT NULL REFERENCES projects (project_id),
    received_on  date NOT NULL,
    reason       text NOT NULL CHECK (reason IN ('accuracy', 'terminology', 'late', 'style', 'formatting')),
    upheld       boolean
);
COMMENT ON COLUMN complaints.upheld IS 'Outcome of the review: true = the client was right, false = rejected, empty = still being reviewed';

INSERT INTO clients
SELECT c,
       (ARRAY['Brandt & Partner Rechtsanwälte', 'MediGen Pharma', 'Kessler Maschinenbau', 'Nordlicht Werbeagentur',
              'Stadt Potsdam', 'Lumen Optics', 'Havel Kliniken', 'Schuster Automotive', 'BlueWave Marketing',
              'Bundesamt für Statistik', 'Vogel IP Law', 'Cardia Medical Devices', 'Rhein Energie Systems',
              'Kranich Reisen', 'Europa Notariat', 'Orion Software', 'Sankt Marien Krankenhaus', 'Falk Logistics',
              'Atelier Rouge', 'Landkreis Barnim', 'Hansen Legal', 'Neurotech Labs', 'Weiss Elektronik',
              'Papillon Cosmetics', 'Ministerium für Bildung', 'Morgan & Cole LLP', 'BioVia Diagnostics',
              'Turbina Windkraft', 'Sonnenschein Foods', 'Museum für Gestaltung', 'Lindqvist Advokatbyrå',
              'OrthoPlus', 'Mechatron Robotics', 'Casa Bella Interiors', 'Agence Francophone', 'Krüger Steuerberatung',
              'Alpen Dental', 'Precision Pumps', 'Fjord Apparel', 'Stiftung Kulturerbe'])[c],
       (ARRAY['Legal', 'Medical', 'Technical', 'Marketing', 'Public Sector'])[((c - 1) % 5) + 1],
       (ARRAY['DE', 'DE', 'DE', 'AT', 'DE', 'CH', 'DE', 'FR', 'DE', 'GB'])[(c % 10) + 1],
       (ARRAY['Katrin Vogt', 'Jan Petersen', 'Miriam Öztürk'])[(c % 3) + 1],
       CASE WHEN c > 38 THEN current_date - 20 - c ELSE current_date - 3000 + c * 61 END
FROM generate_series(1, 40) c;

INSERT INTO linguists
SELECT l, v.name, v.lang, v.city, v.free,
       0.080 + ((l * 7) % 47) / 1000.0,
       CASE WHEN l = 35 THEN current_date - 15 WHEN v.mentor IS NOT NULL THEN current_date - 330 + l * 6 ELSE current_date - 4000 + l * 83 END,
       v.mentor
FROM (VALUES
    (1, 'Sabine Krause', 'de', 'Berlin', false, NULL), (2, 'Thomas Richter', 'de', 'Berlin', false, NULL),
    (3, 'Julia Hartmann', 'de', 'Leipzig', true, NULL), (4, 'Stefan Wolf', 'de', 'Hamburg', true, NULL),
    (5, 'Anja Lehmann', 'de', 'Berlin', false, NULL), (6, 'Markus Braun', 'de', 'Munich', true, NULL),
    (7, 'Claire Dubois', 'fr', 'Lyon', true, NULL), (8, 'Antoine Mercier', 'fr', 'Berlin', false, NULL),
    (9, 'Elodie Fabre', 'fr', 'Paris', true, NULL), (10, 'James Whitaker', 'en', 'Berlin', false, NULL),
    (11, 'Emily Carter', 'en', 'London', true, NULL), (12, 'Daniel Hughes', 'en', 'Manchester', true, NULL),
    (13, 'Lucia Romano', 'it', 'Milan', true, NULL), (14, 'Marco Bianchi', 'it', 'Rome', true, NULL),
    (15, 'Carmen Ortega', 'es', 'Madrid', true, NULL), (16, 'Pablo Jiménez', 'es', 'Seville', true, NULL),
    (17, 'Anna Kowalska', 'pl', 'Warsaw', true, NULL), (18, 'Piotr Nowak', 'pl', 'Berlin', false, NULL),
    (19, 'Sanne de Jong', 'nl', 'Utrecht', true, NULL), (20, 'Pieter Smit', 'nl', 'Amsterdam', true, NULL),
    (21, 'Yuki Sato', 'ja', 'Osaka', true, NULL), (22, 'Haruto Kimura', 'ja', 'Berlin', false, NULL),
    (23, 'Li Wei', 'zh', 'Shanghai', true, NULL), (24, 'Chen Jing', 'zh', 'Berlin', true, NULL),
    (25, 'Omar Haddad', 'ar', 'Amman', true, NULL), (26, 'Laila Mansour', 'ar', 'Berlin', false, NULL),
    (27, 'Katharina Berger', 'de', 'Vienna', true, 1), (28, 'Felix Neumann', 'de', 'Berlin', false, 2),
    (29, 'Camille Laurent', 'fr', 'Brussels', true, 7), (30, 'Sophie Bennett', 'en', 'Dublin', true, 10),
    (31, 'Giulia Ferrari', 'it', 'Turin', true, 13), (32, 'Lucía Navarro', 'es', 'Valencia', true, 15),
    (33, 'Marta Zielińska', 'pl', 'Kraków', true, 17), (34, 'Hannah Schulz', 'de', 'Berlin', false, 5),
    (35, 'Beatriz Costa', 'pt', 'Lisbon', true, NULL)
) AS v (l, name, lang, city, free, mentor);

-- 2000 projects over two years; each is a language pair the agency works in
INSERT INTO projects
SELECT p,
       'P' || to_char(o.ordered_at, 'YY') || '-' || lpad(p::text, 4, '0'),
       1 + floor(38 * power(((p * 0.6180339887) % 1), 1.5))::int,
       (ARRAY['Supply agreement', 'Patient information leaflet', 'Operating manual', 'Product launch campaign',
              'Council minutes', 'Website update', 'Clinical study protocol', 'Safety data sheets', 'Brand guidelines',
              'Annual report', 'Patent application', 'Training video', 'Press release', 'Tender documents'])[(p % 14) + 1],
       x.service,
       (ARRAY['en', 'de', 'en', 'en', 'de', 'en', 'en', 'de', 'en', 'en', 'de', 'fr', 'de', 'en', 'de', 'de'])[(p * 7 % 16) + 1],
       (ARRAY['de', 'en', 'fr', 'es', 'fr', 'it', 'nl', 'pl', 'ja', 'zh', 'ar', 'de', 'es', 'de', 'it', 'en'])[(p * 7 % 16) + 1],
       x.words, x.hours, x.quoted, NULL,
       o.ordered_at,
       o.ordered_at + (2 + coalesce(x.words, 0) / 2500) * interval '1 day',
       NULL, 'in progress'
FROM generate_series(1, 2000) p
CROSS JOIN LATERAL (SELECT (current_date - 1 - ((2000 - p) * 730) / 2000) + make_interval(hours => 8 + p % 10, mins => (p * 13) % 60) AS ordered_at) o
CROSS JOIN LATERAL (SELECT s.service,
                           CASE s.service WHEN 'translation' THEN 500 + (p * 137) % 9500 WHEN 'proofreading' THEN 2000 + (p * 71) % 20000
                                          WHEN 'subtitling' THEN 1000 + (p * 53) % 6000 WHEN 'transcreation' THEN 200 + (p * 31) % 1500 END AS words,
                           CASE WHEN s.service = 'interpreting' THEN 2 + p % 7 END AS hours,
                           round(CASE s.service WHEN 'translation' THEN (500 + (p * 137) % 9500) * 0.14
                                                WHEN 'proofreading' THEN (2000 + (p * 71) % 20000) * 0.05
                                                WHEN 'subtitling' THEN (1000 + (p * 53) % 6000) * 0.11
                                                WHEN 'transcreation' THEN (200 + (p * 31) % 1500) * 0.35
                                                ELSE (2 + p % 7) * 95 END, 2) AS quoted
                    FROM (SELECT (ARRAY['translation', 'translation', 'translation', 'translation', 'translation', 'translation',
                                        'proofreading', 'subtitling', 'transcreation', 'interpreting'])[(p % 10) + 1]::service_kind AS service) s) x;

UPDATE projects SET delivered_at = deadline - (project_id % 4) * interval '5 hours' - interval '2 hours'
                                  + CASE WHEN project_id % 11 = 0 THEN (1 + project_id % 3) * interval '1 day' ELSE interval '0' END;
UPDATE projects SET delivered_at = NULL WHERE delivered_at > localtimestamp OR project_id % 37 = 0 OR (project_id % 53 = 0 AND project_id > 1800);
UPDATE projects SET status = CASE WHEN project_id % 37 = 0 THEN 'cancelled'
                                  WHEN project_id > 1980 AND project_id % 3 = 0 THEN 'quoted'
                                  WHEN delivered_at IS NOT NULL THEN 'delivered'
                                  ELSE 'in progress' END;
UPDATE projects SET delivered_at = NULL WHERE status = 'quoted';
UPDATE projects SET final_price = round(quoted_price * CASE WHEN project_id % 7 = 0 THEN 1.08 WHEN project_id % 13 = 0 THEN 0.95 ELSE 1 END, 2)
WHERE status = 'delivered';

-- the translator (or interpreter) is a native speaker of the target language; written translations get a reviewer
INSERT INTO assignments
SELECT row_number() OVER (ORDER BY p.project_id, r.role), p.project_id, r.linguist_id, r.role, r.fee
FROM projects p
CROSS JOIN LATERAL (
    SELECT CASE WHEN p.service = 'interpreting' THEN 'interpreter' ELSE 'translator' END AS role,
           (SELECT l.linguist_id FROM linguists l WHERE l.native_lang = p.target_lang AND l.joined_on <= p.ordered_at ORDER BY l.linguist_id
            OFFSET (p.project_id + p.project_id / 7) % (SELECT count(*) FROM linguists l2 WHERE l2.native_lang = p.target_lang AND l2.joined_on <= p.ordered_at)
            LIMIT 1) AS linguist_id,
           round(CASE WHEN p.service = 'interpreting' THEN p.hours * 60 ELSE p.word_count * 0.09 END, 2) AS fee
    UNION ALL
    SELECT 'reviewer',
           (SELECT l.linguist_id FROM linguists l WHERE l.native_lang = p.target_lang AND l.joined_on <= p.ordered_at ORDER BY l.linguist_id
            OFFSET (p.project_id + p.project_id / 7 + 1) % (SELECT count(*) FROM linguists l2 WHERE l2.native_lang = p.target_lang AND l2.joined_on <= p.ordered_at)
            LIMIT 1),
           round(p.word_count * 0.025, 2)
    WHERE p.service IN ('translation', 'transcreation')
) r
WHERE p.status <> 'quoted';

INSERT INTO complaints
SELECT row_number() OVER (ORDER BY project_id), project_id, delivered_at::date + 2 + project_id % 10,
       (ARRAY['accuracy', 'terminology', 'late', 'style', 'formatting'])[(project_id / 29) % 5 + 1],
       CASE WHEN delivered_at::date + 2 + project_id % 10 > current_date - 45 THEN NULL ELSE project_id % 3 <> 0 END
FROM projects
WHERE status = 'delivered' AND project_id % 29 = 0 AND delivered_at::date + 2 + project_id % 10 <= current_date;
