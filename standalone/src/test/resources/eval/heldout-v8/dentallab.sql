-- A dental laboratory: practices send cases (prescriptions for crowns, bridges, dentures...) that technicians make
-- and ship back. Column names are abbreviated; what they mean is in the column comments.

CREATE TYPE rst_type AS ENUM ('crown', 'bridge', 'veneer', 'implant_crown', 'denture', 'night_guard');

CREATE TABLE practices (
    prac_id      integer PRIMARY KEY,
    prac_nm      text NOT NULL,
    town         text NOT NULL,
    acct_open_dt date NOT NULL,
    cr_lim_gbp   numeric(10,2) NOT NULL
);
COMMENT ON TABLE practices IS 'Dental practices that send work to the lab (our customers)';
COMMENT ON COLUMN practices.prac_nm IS 'practice name';
COMMENT ON COLUMN practices.acct_open_dt IS 'date the practice opened its account with the lab';
COMMENT ON COLUMN practices.cr_lim_gbp IS 'credit limit, GBP';

CREATE TABLE dentists (
    dent_id integer PRIMARY KEY,
    prac_id integer NOT NULL REFERENCES practices (prac_id),
    full_nm text NOT NULL,
    gdc_no  text NOT NULL UNIQUE,
    spec_cd text NOT NULL CHECK (spec_cd IN ('GP', 'ORTHO', 'PROS', 'IMPL'))
);
COMMENT ON COLUMN dentists.full_nm IS 'dentist full name';
COMMENT ON COLUMN dentists.gdc_no IS 'General Dental Council registration number';
COMMENT ON COLUMN dentists.spec_cd IS 'specialty. GP: general dental practitioner; ORTHO: orthodontist; PROS: prosthodontist; IMPL: implant surgeon';

CREATE TABLE techs (
    tech_id      integer PRIMARY KEY,
    full_nm      text NOT NULL,
    dept_cd      text NOT NULL CHECK (dept_cd IN ('CB', 'CC', 'PR', 'OR')),
    hire_dt      date NOT NULL,
    hrly_rt      numeric(6,2) NOT NULL,
    lead_tech_id integer REFERENCES techs (tech_id)
);
COMMENT ON TABLE techs IS 'dental technicians employed by the lab';
COMMENT ON COLUMN techs.full_nm IS 'technician full name';
COMMENT ON COLUMN techs.dept_cd IS 'department. CB: crown and bridge; CC: ceramics; PR: prosthetics (dentures); OR: orthodontics and appliances';
COMMENT ON COLUMN techs.hire_dt IS 'date hired';
COMMENT ON COLUMN techs.hrly_rt IS 'hourly pay rate, GBP';
COMMENT ON COLUMN techs.lead_tech_id IS 'the senior technician this technician reports to; null for the lab manager';

CREATE TABLE cases (
    case_no integer PRIMARY KEY,
    dent_id integer NOT NULL REFERENCES dentists (dent_id),
    tech_id integer REFERENCES techs (tech_id),
    pt_ref  text NOT NULL,
    rcvd_dt date NOT NULL,
    due_dt  date NOT NULL,
    shp_dt  date,
    rush_fl boolean NOT NULL DEFAULT false,
    stat_cd char(1) NOT NULL CHECK (stat_cd IN ('R', 'P', 'Q', 'S', 'X'))
);
COMMENT ON TABLE cases IS 'a case = one prescription (work ticket) sent by a dentist';
COMMENT ON COLUMN cases.dent_id IS 'prescribing dentist';
COMMENT ON COLUMN cases.tech_id IS 'technician responsible for the case; null until assigned';
COMMENT ON COLUMN cases.pt_ref IS 'patient reference (no names are kept)';
COMMENT ON COLUMN cases.rcvd_dt IS 'date the impression / scan was received';
COMMENT ON COLUMN cases.due_dt IS 'date the work must be back at the practice';
COMMENT ON COLUMN cases.shp_dt IS 'date shipped back to the practice; null = still in the lab';
COMMENT ON COLUMN cases.rush_fl IS 'rush job (3 day turnaround, surcharge)';
COMMENT ON COLUMN cases.stat_cd IS 'status. R: received; P: in production; Q: quality check; S: shipped; X: cancelled';

CREATE TABLE case_items (
    item_id     integer PRIMARY KEY,
    case_no     integer NOT NULL REFERENCES cases (case_no),
    rst_typ     rst_type NOT NULL,
    mat_cd      text NOT NULL CHECK (mat_cd IN ('ZR', 'EMX', 'PFM', 'AU', 'ACR', 'PMMA')),
    tooth_no    text,
    shade       text,
    qty         integer NOT NULL CHECK (qty > 0),
    unit_px_gbp numeric(8,2) NOT NULL
);
COMMENT ON TABLE case_items IS 'restorations on a case';
COMMENT ON COLUMN case_items.rst_typ IS 'restoration type';
COMMENT ON COLUMN case_items.mat_cd IS 'material. ZR: zirconia; EMX: lithium disilicate (e.max); PFM: porcelain fused to metal; AU: gold alloy; ACR: acrylic; PMMA: PMMA resin';
COMMENT ON COLUMN case_items.tooth_no IS 'FDI tooth number(s), e.g. 36 or 14-16';
COMMENT ON COLUMN case_items.shade IS 'VITA shade, e.g. A2';
COMMENT ON COLUMN case_items.qty IS 'number of units';
COMMENT ON COLUMN case_items.unit_px_gbp IS 'price per unit, GBP';

CREATE TABLE remakes (
    rmk_id  integer PRIMARY KEY,
    case_no integer NOT NULL REFERENCES cases (case_no),
    rmk_dt  date NOT NULL,
    rsn_cd  text NOT NULL CHECK (rsn_cd IN ('FIT', 'SHD', 'OCC', 'BRK', 'IMP')),
    chg_fl  boolean NOT NULL
);
COMMENT ON TABLE remakes IS 'work sent back by the practice and made again';
COMMENT ON COLUMN remakes.rmk_dt IS 'date the remake was requested';
COMMENT ON COLUMN remakes.rsn_cd IS 'reason. FIT: poor fit; SHD: wrong shade; OCC: bite too high or low; BRK: broken in transit; IMP: poor impression (the practice''s fault)';
COMMENT ON COLUMN remakes.chg_fl IS 'true when the remake is charged to the practice';

CREATE TABLE invoices (
    inv_no  integer PRIMARY KEY,
    prac_id integer NOT NULL REFERENCES practices (prac_id),
    inv_dt  date NOT NULL,
    amt_gbp numeric(10,2) NOT NULL,
    pd_dt   date
);
COMMENT ON TABLE invoices IS 'monthly statements to practices';
COMMENT ON COLUMN invoices.inv_dt IS 'invoice date (last day of the month billed)';
COMMENT ON COLUMN invoices.amt_gbp IS 'invoice amount, GBP';
COMMENT ON COLUMN invoices.pd_dt IS 'date paid; null = unpaid';

INSERT INTO practices
SELECT p,
       (ARRAY['Abbey Dental', 'Bridge Street Dental', 'Castle Smiles', 'Dene Dental Care', 'Elm Tree Dental',
              'Fairway Dental', 'Green Lane Dental', 'Harbour Dental', 'Ivy House Dental', 'Jubilee Dental',
              'Kingsway Dental', 'Linden Dental', 'Market Place Dental', 'Northgate Dental', 'Oakfield Dental',
              'Parkside Dental', 'Queens Road Dental', 'Riverside Dental', 'St Johns Dental', 'Tower Dental',
              'Union Street Dental', 'Vale Dental', 'Westgate Dental', 'York House Dental'])[p],
       (ARRAY['Leeds', 'York', 'Harrogate', 'Wakefield', 'Bradford', 'Halifax'])[(p % 6) + 1],
       CASE WHEN p = 24 THEN current_date - 9 ELSE current_date - (450 + (p * 397) % 3000) END,
       1000 + (p % 5) * 750
FROM generate_series(1, 24) p;

INSERT INTO dentists
SELECT d,
       ((d * 7) % 23) + 1,
       (ARRAY['Sarah', 'James', 'Amira', 'Tom', 'Rachel', 'Vikram', 'Emma', 'Callum', 'Nadia', 'Peter', 'Grace', 'Omar'])[(d % 12) + 1]
           || ' ' || (ARRAY['Khan', 'Walker', 'Patel', 'Hughes', 'Robinson', 'Clarke', 'Ahmed', 'Fletcher', 'Bennett', 'Morris'])[((d * 7) % 10) + 1],
       'GDC' || (50000 + d * 37),
       CASE d % 10 WHEN 0 THEN 'ORTHO' WHEN 1 THEN 'PROS' WHEN 2 THEN 'IMPL' ELSE 'GP' END
FROM generate_series(1, 60) d;

INSERT INTO techs VALUES
    (1, 'Graham Holt', 'CB', current_date - 6210, 24.50, NULL),
    (2, 'Priya Nair', 'CC', current_date - 4020, 21.00, 1),
    (3, 'Tomasz Wojcik', 'PR', current_date - 3650, 20.50, 1),
    (4, 'Helen Marsh', 'OR', current_date - 2900, 19.75, 1),
    (5, 'Dan Ellis', 'CB', current_date - 2400, 19.25, 1),
    (6, 'Aisha Bello', 'CC', current_date - 1830, 17.80, 2),
    (7, 'Marek Novak', 'CC', current_date - 1500, 17.40, 2),
    (8, 'Lucy Chapman', 'PR', current_date - 1320, 16.90, 3),
    (9, 'Owen Price', 'PR', current_date - 990, 16.20, 3),
    (10, 'Sofia Russo', 'OR', current_date - 800, 16.00, 4),
    (11, 'Ben Carter', 'CB', current_date - 610, 15.60, 5),
    (12, 'Hannah Lee', 'CB', current_date - 420, 15.10, 5),
    (13, 'Kieran Doyle', 'CC', current_date - 260, 14.70, 2),
    (14, 'Megan Shaw', 'OR', current_date - 20, 13.90, 4);

-- 1600 cases over the last 400 days, four a day; a few late, a few stuck, some cancelled
INSERT INTO cases
SELECT 1000 + c,
       1 + floor(60 * power(((c * 0.6180339887) % 1), 1.4))::int,
       NULL,
       'PT' || lpad(((c * 7919) % 100000)::text, 5, '0'),
       current_date - (1600 - c) / 4,
       current_date - (1600 - c) / 4 + CASE WHEN c % 9 = 0 THEN 3 ELSE 7 + (c % 4) * 2 END,
       NULL,
       c % 9 = 0,
       'R'
FROM generate_series(1, 1600) c;

UPDATE cases SET shp_dt = rcvd_dt + (due_dt - rcvd_dt) - 1 - (case_no % 3)
                          + CASE WHEN case_no % 8 = 0 THEN 3 + case_no % 5 ELSE 0 END;
UPDATE cases SET shp_dt = NULL WHERE shp_dt > current_date OR case_no % 211 = 0;
UPDATE cases SET stat_cd = CASE
        WHEN case_no % 53 = 0 THEN 'X'
        WHEN shp_dt IS NOT NULL THEN 'S'
        WHEN case_no % 211 = 0 THEN 'P'
        WHEN current_date - rcvd_dt >= (due_dt - rcvd_dt) - 2 THEN 'Q'
        WHEN current_date - rcvd_dt >= 1 THEN 'P'
        ELSE 'R' END;
UPDATE cases SET shp_dt = NULL WHERE stat_cd = 'X';
UPDATE cases SET tech_id = 1 + floor(13 * power(((case_no * 0.7548776662) % 1), 1.3))::int WHERE stat_cd <> 'R';

INSERT INTO case_items
SELECT row_number() OVER (ORDER BY c.case_no, k), c.case_no, t.typ,
       CASE t.typ WHEN 'crown' THEN (ARRAY['ZR', 'ZR', 'ZR', 'ZR', 'EMX', 'EMX', 'EMX', 'PFM', 'PFM', 'AU'])[(c.case_no % 10) + 1]
                  WHEN 'bridge' THEN CASE WHEN c.case_no % 2 = 0 THEN 'ZR' ELSE 'PFM' END
                  WHEN 'veneer' THEN 'EMX' WHEN 'implant_crown' THEN 'ZR' WHEN 'denture' THEN 'ACR' ELSE 'PMMA' END,
       CASE t.typ WHEN 'bridge' THEN ((c.case_no % 4) + 1)::text || '4-' || ((c.case_no % 4) + 1)::text || '6'
                  WHEN 'denture' THEN NULL WHEN 'night_guard' THEN NULL
                  ELSE ((c.case_no % 4) + 1)::text || ((c.case_no % 7) + 1)::text END,
       CASE WHEN t.typ = 'night_guard' THEN NULL
            ELSE (ARRAY['A1', 'A2', 'A2', 'A3', 'A3.5', 'B1', 'B2', 'C2', 'D2'])[(c.case_no % 9) + 1] END,
       CASE t.typ WHEN 'bridge' THEN 3 WHEN 'denture' THEN 1 WHEN 'night_guard' THEN 1
                  ELSE 1 + (c.case_no % 5 = 0)::int END,
       CASE t.typ WHEN 'crown' THEN CASE (ARRAY['ZR', 'ZR', 'ZR', 'ZR', 'EMX', 'EMX', 'EMX', 'PFM', 'PFM', 'AU'])[(c.case_no % 10) + 1]
                                        WHEN 'ZR' THEN 95 WHEN 'EMX' THEN 110 WHEN 'PFM' THEN 85 ELSE 240 END
                  WHEN 'bridge' THEN 90 WHEN 'veneer' THEN 120 WHEN 'implant_crown' THEN 185
                  WHEN 'denture' THEN 260 ELSE 55 END
FROM cases c
CROSS JOIN LATERAL generate_series(1, 1 + (c.case_no % 3 = 0)::int) k
CROSS JOIN LATERAL (SELECT (CASE (c.case_no + k) % 12 WHEN 5 THEN 'bridge' WHEN 6 THEN 'bridge' WHEN 7 THEN 'veneer'
                                 WHEN 8 THEN 'implant_crown' WHEN 9 THEN 'denture' WHEN 10 THEN 'night_guard'
                                 ELSE 'crown' END)::rst_type AS typ) t;

INSERT INTO remakes
SELECT row_number() OVER (ORDER BY case_no), case_no, shp_dt + 3 + case_no % 9,
       (ARRAY['FIT', 'SHD', 'OCC', 'BRK', 'IMP'])[((case_no / 19) % 5) + 1],
       (ARRAY['FIT', 'SHD', 'OCC', 'BRK', 'IMP'])[((case_no / 19) % 5) + 1] = 'IMP'
FROM cases
WHERE case_no % 19 = 0 AND stat_cd = 'S' AND shp_dt + 3 + case_no % 9 <= current_date;

-- one statement per practice for every complete month with work in it
INSERT INTO invoices
SELECT row_number() OVER (ORDER BY m.month_start, d.prac_id) + 5000, d.prac_id,
       (m.month_start + interval '1 month' - interval '1 day')::date,
       sum(i.qty * i.unit_px_gbp), NULL
FROM (SELECT DISTINCT date_trunc('month', rcvd_dt)::date AS month_start FROM cases) m
JOIN cases c ON date_trunc('month', c.rcvd_dt)::date = m.month_start AND c.stat_cd <> 'X'
JOIN dentists d ON d.dent_id = c.dent_id
JOIN case_items i ON i.case_no = c.case_no
WHERE m.month_start < date_trunc('month', current_date)
GROUP BY m.month_start, d.prac_id;

UPDATE invoices SET pd_dt = inv_dt + 12 + (inv_no % 29)
WHERE inv_dt + 12 + (inv_no % 29) <= current_date
  AND NOT (prac_id % 7 = 0 AND inv_dt > current_date - 130);
