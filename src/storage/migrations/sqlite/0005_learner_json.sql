-- 0005: the learner projection keeps each row's DeX JSON, serialized when the site is rebuilt
-- (learner/stored_json.h), so a DeX page is an index walk and a copy of one column per row.
-- Forward-only.
--
-- The tables hold derived data only, so they are recreated rather than altered: the roster
-- store sees a roster without a projection when it opens and rebuilds every site
-- (SqliteRosterStore::BackfillProjection), filling dex_json. Columns as in 0003, plus
-- dex_json (a BLOB: a small binary index of where each member starts, then the JSON text;
-- never read by SQL). It comes right after site_id: SQLite finds a column by walking the
-- record's header up to it, and a page reads only this one (the last of 23 columns cost
-- ~60% more instructions per page). The lookup indexes also cover (surname, external_id), so
-- a year group, form or house in Surname order (a class list) is read in index order,
-- without a sort.

DROP TABLE learner_people;
DROP TABLE learner_groups;

CREATE TABLE learner_people (
  pk INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites (id),
  dex_json BLOB NOT NULL,
  external_id TEXT NOT NULL,
  user_sourced_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('student', 'teacher', 'staff')),
  forename TEXT NOT NULL,
  surname TEXT NOT NULL,
  middle_names TEXT NOT NULL,
  preferred_forename TEXT NOT NULL,
  preferred_surname TEXT NOT NULL,
  gender TEXT NOT NULL CHECK (gender IN ('Male', 'Female', 'Unknown')),
  date_of_birth TEXT,
  upn TEXT,
  on_roll_state TEXT NOT NULL,
  year_group_id TEXT,
  year_group_name TEXT,
  registration_group_id TEXT,
  registration_group_name TEXT,
  registration_group_type TEXT,
  house_id TEXT,
  house_name TEXT,
  date_last_modified_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX learner_people_key ON learner_people (site_id, external_id);
-- DeX lists pupils (role = 'student') in ExternalID order: an index walk, no sort step, and
-- the unfiltered count is index-only.
CREATE INDEX learner_people_role ON learner_people (site_id, role, external_id);
CREATE INDEX learner_people_user ON learner_people (site_id, user_sourced_id);
CREATE INDEX learner_people_year ON learner_people (site_id, year_group_id, surname, external_id);
CREATE INDEX learner_people_registration
  ON learner_people (site_id, registration_group_id, surname, external_id);
CREATE INDEX learner_people_house ON learner_people (site_id, house_id, surname, external_id);

CREATE TABLE learner_groups (
  pk INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites (id),
  dex_json BLOB NOT NULL,
  external_id TEXT NOT NULL,
  group_type TEXT NOT NULL CHECK (group_type IN
    ('YearGroup', 'RegistrationGroup', 'PrimaryClass', 'House', 'TeachingClass')),
  short_name TEXT NOT NULL,
  full_name TEXT NOT NULL,
  display_order INTEGER NOT NULL,
  class_sourced_id TEXT  -- the roster class of a class-based group; NULL otherwise
);
CREATE UNIQUE INDEX learner_groups_key ON learner_groups (site_id, external_id);
CREATE INDEX learner_groups_class ON learner_groups (site_id, class_sourced_id);
