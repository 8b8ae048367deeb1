-- Research grants of a university: researchers belong to departments, hold grants and publish papers.
CREATE TABLE departments (
    id       integer PRIMARY KEY,
    name     text NOT NULL UNIQUE,
    faculty  text NOT NULL,
    budget   numeric(12,2) NOT NULL
);
COMMENT ON COLUMN departments.budget IS 'Yearly research budget in euros';

CREATE TABLE researchers (
    id             integer PRIMARY KEY,
    name           text NOT NULL,
    department_id  integer NOT NULL REFERENCES departments (id),
    title          text NOT NULL CHECK (title IN ('professor', 'associate professor', 'lecturer', 'postdoc')),
    started_on     date NOT NULL,
    email          text NOT NULL UNIQUE
);

CREATE TABLE grants (
    id             integer PRIMARY KEY,
    title          text NOT NULL,
    funder         text NOT NULL,
    researcher_id  integer NOT NULL REFERENCES researchers (id),
    amount         numeric(12,2) NOT NULL,
    awarded_on     date NOT NULL,
    ends_on        date NOT NULL,
    status         text NOT NULL CHECK (status IN ('pending', 'active', 'closed'))
);
COMMENT ON COLUMN grants.researcher_id IS 'Principal investigator';
COMMENT ON COLUMN grants.amount IS 'Total amount awarded in euros';

CREATE TABLE publications (
    id             integer PRIMARY KEY,
    title          text NOT NULL,
    researcher_id  integer NOT NULL REFERENCES researchers (id),
    grant_id       integer REFERENCES grants (id),
    published_on   date NOT NULL,
    venue          text NOT NULL,
    citations      integer NOT NULL
);
COMMENT ON COLUMN publications.grant_id IS 'Grant that funded the work, if any';

INSERT INTO departments (id, name, faculty, budget) VALUES
    (1, 'Physics', 'Science', 2400000),
    (2, 'Chemistry', 'Science', 1800000),
    (3, 'History', 'Humanities', 600000),
    (4, 'Computer Science', 'Engineering', 3100000),
    (5, 'Linguistics', 'Humanities', 450000);
INSERT INTO researchers (id, name, department_id, title, started_on, email) VALUES
    (1, 'Dr. Alice Hart', 4, 'postdoc', current_date - 1860, 'alice.hart@uni.test'),
    (2, 'Dr. Bruno Keller', 4, 'professor', current_date - 1098, 'bruno.keller@uni.test'),
    (3, 'Dr. Chen Wei', 4, 'postdoc', current_date - 3877, 'chen.wei@uni.test'),
    (4, 'Dr. Dana Levi', 2, 'professor', current_date - 4106, 'dana.levi@uni.test'),
    (5, 'Dr. Erik Strand', 1, 'associate professor', current_date - 1922, 'erik.strand@uni.test'),
    (6, 'Dr. Fatima Zahra', 4, 'professor', current_date - 460, 'fatima.zahra@uni.test'),
    (7, 'Dr. George Mills', 1, 'professor', current_date - 1145, 'george.mills@uni.test'),
    (8, 'Dr. Helena Costa', 4, 'lecturer', current_date - 1602, 'helena.costa@uni.test'),
    (9, 'Dr. Ivan Petrov', 4, 'postdoc', current_date - 4857, 'ivan.petrov@uni.test'),
    (10, 'Dr. Julia Romano', 4, 'postdoc', current_date - 1956, 'julia.romano@uni.test'),
    (11, 'Dr. Karl Berg', 5, 'associate professor', current_date - 805, 'karl.berg@uni.test'),
    (12, 'Dr. Lina Haddad', 2, 'associate professor', current_date - 4854, 'lina.haddad@uni.test'),
    (13, 'Dr. Marta Nowak', 1, 'postdoc', current_date - 2155, 'marta.nowak@uni.test'),
    (14, 'Dr. Nils Olsen', 4, 'lecturer', current_date - 1867, 'nils.olsen@uni.test'),
    (15, 'Dr. Olivia Grant', 5, 'postdoc', current_date - 4430, 'olivia.grant@uni.test'),
    (16, 'Dr. Pedro Alves', 5, 'associate professor', current_date - 4388, 'pedro.alves@uni.test');
INSERT INTO grants (id, title, funder, researcher_id, amount, awarded_on, ends_on, status) VALUES
    (1, 'Quantum sensing I', 'EU Horizon', 5, 174100, current_date - 64, current_date + 666, 'active'),
    (2, 'Catalysis at scale I', 'National Science Fund', 7, 532200, current_date - 1030, current_date - 300, 'closed'),
    (3, 'Medieval trade routes I', 'National Science Fund', 6, 353300, current_date - 178, current_date + 917, 'active'),
    (4, 'Neural code search I', 'Industry Partner', 8, 824400, current_date - 1347, current_date - 982, 'closed'),
    (5, 'Language contact I', 'Volkswagen Foundation', 13, 338500, current_date - 175, current_date + 920, 'active'),
    (6, 'Dark matter detectors I', 'Industry Partner', 1, 675600, current_date - 1106, current_date - 376, 'closed'),
    (7, 'Battery materials I', 'Volkswagen Foundation', 7, 308700, current_date - 761, current_date + 334, 'active'),
    (8, 'Archive digitisation I', 'Volkswagen Foundation', 12, 837800, current_date - 112, current_date + 253, 'active'),
    (9, 'Robust learning I', 'Wellcome Trust', 1, 50900, current_date - 645, current_date + 450, 'active'),
    (10, 'Dialect atlas I', 'EU Horizon', 9, 678000, current_date - 470, current_date + 625, 'active'),
    (11, 'Quantum sensing II', 'EU Horizon', 4, 633100, current_date - 449, current_date + 281, 'active'),
    (12, 'Catalysis at scale II', 'Volkswagen Foundation', 2, 69200, current_date - 1303, current_date - 208, 'closed'),
    (13, 'Medieval trade routes II', 'National Science Fund', 8, 608300, current_date - 910, current_date - 180, 'closed'),
    (14, 'Neural code search II', 'Wellcome Trust', 3, 322400, current_date - 1364, current_date - 999, 'closed'),
    (15, 'Language contact II', 'Industry Partner', 11, 138500, current_date - 1307, current_date - 942, 'closed'),
    (16, 'Dark matter detectors II', 'EU Horizon', 8, 227600, current_date - 613, current_date + 117, 'active'),
    (17, 'Battery materials II', 'Industry Partner', 5, 74700, current_date - 724, current_date + 371, 'active'),
    (18, 'Archive digitisation II', 'Volkswagen Foundation', 12, 394800, current_date - 1238, current_date - 143, 'closed'),
    (19, 'Robust learning II', 'National Science Fund', 3, 69900, current_date - 660, current_date + 435, 'active'),
    (20, 'Dialect atlas II', 'EU Horizon', 10, 462000, current_date - 766, current_date + 329, 'active'),
    (21, 'Quantum sensing III', 'Industry Partner', 7, 783100, current_date - 572, current_date + 158, 'active'),
    (22, 'Catalysis at scale III', 'Volkswagen Foundation', 12, 300200, current_date - 1086, current_date - 356, 'closed'),
    (23, 'Medieval trade routes III', 'Volkswagen Foundation', 5, 870300, current_date + 4, current_date + 369, 'pending'),
    (24, 'Neural code search III', 'Volkswagen Foundation', 10, 186400, current_date + 6, current_date + 736, 'pending');
INSERT INTO publications (id, title, researcher_id, grant_id, published_on, venue, citations) VALUES
    (1, 'On dialect atlas (1)', 4, 11, current_date - 474, 'ACL', 69),
    (2, 'On catalysis at scale (2)', 2, 12, current_date - 962, 'NeurIPS', 234),
    (3, 'On quantum sensing (3)', 7, NULL, current_date - 571, 'NeurIPS', 227),
    (4, 'On robust learning (4)', 1, 6, current_date - 207, 'Speculum', 289),
    (5, 'On dark matter detectors (5)', 6, 3, current_date - 405, 'Physical Review', 279),
    (6, 'On archive digitisation (6)', 2, 12, current_date - 561, 'JACS', 302),
    (7, 'On dark matter detectors (7)', 8, NULL, current_date - 562, 'Physical Review', 4),
    (8, 'On language contact (8)', 9, 10, current_date - 610, 'JACS', 61),
    (9, 'On robust learning (9)', 12, 22, current_date - 656, 'NeurIPS', 249),
    (10, 'On quantum sensing (10)', 12, 18, current_date - 290, 'NeurIPS', 9),
    (11, 'On language contact (11)', 13, 5, current_date - 719, 'Journal of Linguistics', 170),
    (12, 'On language contact (12)', 2, 12, current_date - 88, 'Nature', 77),
    (13, 'On archive digitisation (13)', 14, NULL, current_date - 394, 'ACL', 123),
    (14, 'On catalysis at scale (14)', 5, 17, current_date - 754, 'Nature', 307),
    (15, 'On dialect atlas (15)', 14, NULL, current_date - 552, 'ACL', 236),
    (16, 'On language contact (16)', 11, 15, current_date - 840, 'Speculum', 192),
    (17, 'On dialect atlas (17)', 4, NULL, current_date - 445, 'NeurIPS', 60),
    (18, 'On medieval trade routes (18)', 6, NULL, current_date - 613, 'Journal of Linguistics', 133),
    (19, 'On archive digitisation (19)', 4, 11, current_date - 634, 'ICSE', 6),
    (20, 'On medieval trade routes (20)', 13, NULL, current_date - 568, 'Speculum', 305),
    (21, 'On dialect atlas (21)', 10, 20, current_date - 970, 'ACL', 281),
    (22, 'On quantum sensing (22)', 2, 12, current_date - 652, 'Speculum', 277),
    (23, 'On medieval trade routes (23)', 7, 7, current_date - 689, 'NeurIPS', 57),
    (24, 'On battery materials (24)', 1, 6, current_date - 409, 'Speculum', 314),
    (25, 'On dark matter detectors (25)', 2, 12, current_date - 964, 'JACS', 26),
    (26, 'On quantum sensing (26)', 10, 20, current_date - 772, 'Physical Review', 70),
    (27, 'On medieval trade routes (27)', 8, 13, current_date - 999, 'Journal of Linguistics', 74),
    (28, 'On language contact (28)', 3, NULL, current_date - 482, 'Nature', 271),
    (29, 'On dialect atlas (29)', 5, 1, current_date - 621, 'Speculum', 179),
    (30, 'On dialect atlas (30)', 12, 8, current_date - 1021, 'ICSE', 24),
    (31, 'On quantum sensing (31)', 1, 9, current_date - 847, 'Journal of Linguistics', 287),
    (32, 'On language contact (32)', 13, NULL, current_date - 43, 'ACL', 129),
    (33, 'On medieval trade routes (33)', 12, 18, current_date - 778, 'NeurIPS', 126),
    (34, 'On robust learning (34)', 3, NULL, current_date - 1028, 'JACS', 222),
    (35, 'On medieval trade routes (35)', 2, 12, current_date - 478, 'ACL', 46),
    (36, 'On archive digitisation (36)', 15, NULL, current_date - 77, 'NeurIPS', 150),
    (37, 'On dark matter detectors (37)', 12, 18, current_date - 255, 'JACS', 194),
    (38, 'On battery materials (38)', 8, 16, current_date - 827, 'Journal of Linguistics', 296),
    (39, 'On dialect atlas (39)', 3, 19, current_date - 2, 'Nature', 244),
    (40, 'On battery materials (40)', 10, NULL, current_date - 5, 'Speculum', 152);
