-- A secondary school: teachers teach courses, students enrol in courses and receive a grade.
CREATE TABLE teachers (
    id          integer PRIMARY KEY,
    name        text NOT NULL,
    department  text NOT NULL CHECK (department IN ('Mathematics', 'Science', 'Languages', 'Arts', 'History')),
    hired_on    date NOT NULL,
    salary      numeric(10,2) NOT NULL
);
COMMENT ON TABLE teachers IS 'Teaching staff';

CREATE TABLE courses (
    id          integer PRIMARY KEY,
    title       text NOT NULL,
    teacher_id  integer REFERENCES teachers (id),
    credits     integer NOT NULL,
    capacity    integer NOT NULL,
    level       text NOT NULL CHECK (level IN ('beginner', 'intermediate', 'advanced'))
);
COMMENT ON COLUMN courses.teacher_id IS 'The teacher in charge; empty while the course has none';
COMMENT ON COLUMN courses.capacity IS 'Maximum number of students';

CREATE TABLE students (
    id          integer PRIMARY KEY,
    first_name  text NOT NULL,
    last_name   text NOT NULL,
    birth_date  date NOT NULL,
    year_group  integer NOT NULL CHECK (year_group BETWEEN 7 AND 13),
    email       text
);
COMMENT ON TABLE students IS 'Pupils of the school';
COMMENT ON COLUMN students.year_group IS 'School year, 7 to 13';

CREATE TABLE enrollments (
    id          integer PRIMARY KEY,
    student_id  integer NOT NULL REFERENCES students (id),
    course_id   integer NOT NULL REFERENCES courses (id),
    enrolled_on date NOT NULL,
    grade       numeric(4,1),
    UNIQUE (student_id, course_id)
);
COMMENT ON TABLE enrollments IS 'A student taking a course';
COMMENT ON COLUMN enrollments.grade IS 'Final grade from 0 to 100; empty until graded';

INSERT INTO teachers VALUES
 (1, 'Margaret Hughes', 'Mathematics', DATE '2008-09-01', 52000),
 (2, 'Peter Novak', 'Science', DATE '2014-09-01', 47000),
 (3, 'Claire Fontaine', 'Languages', DATE '2019-01-07', 41000),
 (4, 'Daniel Reyes', 'Arts', DATE '2021-09-01', 38500),
 (5, 'Susan Patel', 'History', DATE '2011-09-01', 49500),
 (6, 'Tom Becker', 'Science', DATE '2023-09-01', 36000),
 (7, 'Laura Kim', 'Mathematics', DATE '2017-09-01', 44000);

INSERT INTO courses VALUES
 (1, 'Algebra I', 1, 5, 30, 'beginner'),
 (2, 'Calculus', 7, 6, 20, 'advanced'),
 (3, 'Biology', 2, 5, 25, 'intermediate'),
 (4, 'Chemistry', 6, 5, 25, 'intermediate'),
 (5, 'French', 3, 4, 20, 'beginner'),
 (6, 'Painting', 4, 3, 15, 'beginner'),
 (7, 'Modern History', 5, 4, 30, 'intermediate'),
 (8, 'Physics', 2, 6, 4, 'advanced'),
 (9, 'Statistics', 1, 5, 20, 'intermediate'),
 (10, 'Creative Writing', NULL, 3, 12, 'beginner');

INSERT INTO students VALUES
 (1, 'Ella', 'Murphy', DATE '2009-03-12', 11, 'ella.m@school.example'),
 (2, 'Finn', 'OBrien', DATE '2010-07-30', 10, 'finn.o@school.example'),
 (3, 'Grace', 'Walsh', DATE '2008-11-02', 12, NULL),
 (4, 'Henry', 'Byrne', DATE '2011-01-19', 9, 'henry.b@school.example'),
 (5, 'Isla', 'Ryan', DATE '2007-05-25', 13, 'isla.r@school.example'),
 (6, 'Jack', 'Doyle', DATE '2012-09-14', 8, NULL),
 (7, 'Katie', 'Kelly', DATE '2009-12-01', 11, 'katie.k@school.example'),
 (8, 'Liam', 'Nolan', DATE '2013-02-08', 7, 'liam.n@school.example'),
 (9, 'Maya', 'Quinn', DATE '2008-04-17', 12, 'maya.q@school.example'),
 (10, 'Noah', 'Flynn', DATE '2010-10-10', 10, NULL),
 (11, 'Orla', 'Burke', DATE '2007-08-21', 13, 'orla.b@school.example'),
 (12, 'Sean', 'Lynch', DATE '2011-06-03', 9, 'sean.l@school.example');

INSERT INTO enrollments VALUES
 (1, 1, 1, DATE '2025-09-02', 78.5),
 (2, 1, 3, DATE '2025-09-02', 84.0),
 (3, 2, 1, DATE '2025-09-03', 65.0),
 (4, 3, 2, DATE '2025-09-02', 91.5),
 (5, 3, 8, DATE '2025-09-04', 88.0),
 (6, 5, 2, DATE '2025-09-02', 72.0),
 (7, 5, 8, DATE '2025-09-05', 95.0),
 (8, 5, 7, DATE '2025-09-05', 81.0),
 (9, 7, 5, DATE '2025-09-08', 69.5),
 (10, 7, 6, DATE '2025-09-08', NULL),
 (11, 9, 8, DATE '2025-09-03', 77.0),
 (12, 9, 9, DATE '2025-09-03', 86.5),
 (13, 9, 4, DATE '2026-01-12', NULL),
 (14, 11, 8, DATE '2026-01-12', NULL),
 (15, 11, 3, DATE '2026-01-13', 58.0),
 (16, 12, 5, DATE '2026-01-14', NULL),
 (17, 4, 4, DATE '2026-01-14', 62.5),
 (18, 2, 6, DATE '2026-02-02', 90.0),
 (19, 1, 7, DATE '2026-02-03', NULL),
 (20, 12, 1, DATE '2026-02-03', 55.0);
