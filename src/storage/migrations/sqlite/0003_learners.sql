-- 0003: the learner projection (learner/model.h) that the DeX learner API and the provisioning
-- API read through learner::LearnerStore. Forward-only.
--
-- Derived data, never written directly: SqliteRosterStore rebuilds a site's rows from its
-- roster (0002) with learner::ProjectSite inside every roster write that can change them
-- (users, demographics, classes, enrollments, tombstones, site deletion), so a reader sees
-- the projection of exactly the roster in its snapshot. Every row belongs to one site
-- (tenancy: every query has site_id = ?). Ids are upper-case GUIDs. A person's lookups
-- (year group, registration group, house) are denormalised onto the person row: the rows
-- are rebuilt per site anyway, and reads then need no joins. Members of a teaching class are
-- not copied: they are the class's student enrollments (roster_enrollments).
-- Column names are the ones learner/catalogs.cc maps OData properties to (aliases l, g).

CREATE TABLE learner_people (
  pk INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites (id),
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
-- DeX lists pupils (role = 'student') in ExternalID order: an index walk, no sort step.
CREATE INDEX learner_people_role ON learner_people (site_id, role, external_id);
CREATE INDEX learner_people_user ON learner_people (site_id, user_sourced_id);
CREATE INDEX learner_people_year ON learner_people (site_id, year_group_id);
CREATE INDEX learner_people_registration ON learner_people (site_id, registration_group_id);
CREATE INDEX learner_people_house ON learner_people (site_id, house_id);

CREATE TABLE learner_groups (
  pk INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites (id),
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
