-- 0006: the eight roster tables become clustered on their key: WITHOUT ROWID, PRIMARY KEY
-- (site_id, sourced_id). Forward-only.
--
-- A OneRoster page is a school's rows in sourcedId order (the default order). With a rowid
-- table each row of the page was a seek from the key index into the table, in random order
-- (sourcedIds are GUIDs); clustered, the page is one range of the table's own b-tree, read
-- in order, and a lookup by sourcedId is one b-tree search. Rows stay far below the
-- clustered b-tree's in-page payload (about 1,000 bytes on 4 KiB pages; a user is about
-- 700), so they do not spill to overflow pages. The unique (site_id, sourced_id) index is
-- now the primary key itself; the other indexes are recreated as 0004 left them. The
-- unused integer `pk` column goes.

CREATE TABLE roster_orgs_clustered (
  site_id INTEGER NOT NULL REFERENCES sites (id),
  sourced_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'tobedeleted')),
  date_last_modified_ms INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  identifier TEXT NOT NULL DEFAULT '',
  parent_sourced_id TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, sourced_id)
) WITHOUT ROWID;
INSERT INTO roster_orgs_clustered (site_id, sourced_id, status, date_last_modified_ms, name, type, identifier, parent_sourced_id, body)
  SELECT site_id, sourced_id, status, date_last_modified_ms, name, type, identifier, parent_sourced_id, body FROM roster_orgs;
DROP TABLE roster_orgs;
ALTER TABLE roster_orgs_clustered RENAME TO roster_orgs;
CREATE INDEX roster_orgs_modified ON roster_orgs (site_id, date_last_modified_ms);
CREATE INDEX roster_orgs_status ON roster_orgs (site_id, status, sourced_id);

CREATE TABLE roster_academic_sessions_clustered (
  site_id INTEGER NOT NULL REFERENCES sites (id),
  sourced_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'tobedeleted')),
  date_last_modified_ms INTEGER NOT NULL,
  title TEXT NOT NULL,
  type TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  parent_sourced_id TEXT,
  school_year TEXT NOT NULL,
  org_sourced_id TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, sourced_id)
) WITHOUT ROWID;
INSERT INTO roster_academic_sessions_clustered (site_id, sourced_id, status, date_last_modified_ms, title, type, start_date, end_date, parent_sourced_id, school_year, org_sourced_id, body)
  SELECT site_id, sourced_id, status, date_last_modified_ms, title, type, start_date, end_date, parent_sourced_id, school_year, org_sourced_id, body FROM roster_academic_sessions;
DROP TABLE roster_academic_sessions;
ALTER TABLE roster_academic_sessions_clustered RENAME TO roster_academic_sessions;
CREATE INDEX roster_academic_sessions_modified ON roster_academic_sessions (site_id, date_last_modified_ms);
CREATE INDEX roster_academic_sessions_status ON roster_academic_sessions (site_id, status, sourced_id);

CREATE TABLE roster_courses_clustered (
  site_id INTEGER NOT NULL REFERENCES sites (id),
  sourced_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'tobedeleted')),
  date_last_modified_ms INTEGER NOT NULL,
  title TEXT NOT NULL,
  course_code TEXT NOT NULL,
  school_year_sourced_id TEXT,
  org_sourced_id TEXT,
  grades TEXT NOT NULL DEFAULT '',
  subjects TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, sourced_id)
) WITHOUT ROWID;
INSERT INTO roster_courses_clustered (site_id, sourced_id, status, date_last_modified_ms, title, course_code, school_year_sourced_id, org_sourced_id, grades, subjects, body)
  SELECT site_id, sourced_id, status, date_last_modified_ms, title, course_code, school_year_sourced_id, org_sourced_id, grades, subjects, body FROM roster_courses;
DROP TABLE roster_courses;
ALTER TABLE roster_courses_clustered RENAME TO roster_courses;
CREATE INDEX roster_courses_modified ON roster_courses (site_id, date_last_modified_ms);
CREATE INDEX roster_courses_status ON roster_courses (site_id, status, sourced_id);

CREATE TABLE roster_classes_clustered (
  site_id INTEGER NOT NULL REFERENCES sites (id),
  sourced_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'tobedeleted')),
  date_last_modified_ms INTEGER NOT NULL,
  title TEXT NOT NULL,
  class_code TEXT NOT NULL DEFAULT '',
  class_type TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  course_sourced_id TEXT,
  school_sourced_id TEXT,
  grades TEXT NOT NULL DEFAULT '',
  subjects TEXT NOT NULL DEFAULT '',
  periods TEXT NOT NULL DEFAULT '',
  term_sourced_ids TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, sourced_id)
) WITHOUT ROWID;
INSERT INTO roster_classes_clustered (site_id, sourced_id, status, date_last_modified_ms, title, class_code, class_type, location, course_sourced_id, school_sourced_id, grades, subjects, periods, term_sourced_ids, body)
  SELECT site_id, sourced_id, status, date_last_modified_ms, title, class_code, class_type, location, course_sourced_id, school_sourced_id, grades, subjects, periods, term_sourced_ids, body FROM roster_classes;
DROP TABLE roster_classes;
ALTER TABLE roster_classes_clustered RENAME TO roster_classes;
CREATE INDEX roster_classes_modified ON roster_classes (site_id, date_last_modified_ms);
CREATE INDEX roster_classes_status ON roster_classes (site_id, status, sourced_id);
CREATE INDEX roster_classes_course ON roster_classes (site_id, course_sourced_id, status);

CREATE TABLE roster_users_clustered (
  site_id INTEGER NOT NULL REFERENCES sites (id),
  sourced_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'tobedeleted')),
  date_last_modified_ms INTEGER NOT NULL,
  username TEXT NOT NULL,
  enabled_user INTEGER NOT NULL CHECK (enabled_user IN (0, 1)),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  middle_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  identifier TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  sms TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  grades TEXT NOT NULL DEFAULT '',
  org_sourced_ids TEXT NOT NULL DEFAULT '',
  agent_sourced_ids TEXT NOT NULL DEFAULT '',
  -- metadata["uk.upn"], ["uk.yearGroup"], ["uk.registrationGroup"], ["uk.house"]
  uk_upn TEXT,
  uk_year_group TEXT,
  uk_registration_group TEXT,
  uk_house TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, sourced_id)
) WITHOUT ROWID;
INSERT INTO roster_users_clustered (site_id, sourced_id, status, date_last_modified_ms, username, enabled_user, given_name, family_name, middle_name, role, identifier, email, sms, phone, grades, org_sourced_ids, agent_sourced_ids, uk_upn, uk_year_group, uk_registration_group, uk_house, body)
  SELECT site_id, sourced_id, status, date_last_modified_ms, username, enabled_user, given_name, family_name, middle_name, role, identifier, email, sms, phone, grades, org_sourced_ids, agent_sourced_ids, uk_upn, uk_year_group, uk_registration_group, uk_house, body FROM roster_users;
DROP TABLE roster_users;
ALTER TABLE roster_users_clustered RENAME TO roster_users;
CREATE INDEX roster_users_modified ON roster_users (site_id, date_last_modified_ms);
CREATE INDEX roster_users_status ON roster_users (site_id, status, sourced_id);

CREATE TABLE roster_enrollments_clustered (
  site_id INTEGER NOT NULL REFERENCES sites (id),
  sourced_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'tobedeleted')),
  date_last_modified_ms INTEGER NOT NULL,
  user_sourced_id TEXT NOT NULL,
  class_sourced_id TEXT NOT NULL,
  school_sourced_id TEXT NOT NULL,
  role TEXT NOT NULL,
  is_primary INTEGER CHECK (is_primary IN (0, 1)),
  begin_date TEXT,
  end_date TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, sourced_id)
) WITHOUT ROWID;
INSERT INTO roster_enrollments_clustered (site_id, sourced_id, status, date_last_modified_ms, user_sourced_id, class_sourced_id, school_sourced_id, role, is_primary, begin_date, end_date, body)
  SELECT site_id, sourced_id, status, date_last_modified_ms, user_sourced_id, class_sourced_id, school_sourced_id, role, is_primary, begin_date, end_date, body FROM roster_enrollments;
DROP TABLE roster_enrollments;
ALTER TABLE roster_enrollments_clustered RENAME TO roster_enrollments;
CREATE INDEX roster_enrollments_modified ON roster_enrollments (site_id, date_last_modified_ms);
CREATE INDEX roster_enrollments_status ON roster_enrollments (site_id, status, sourced_id);
CREATE INDEX roster_enrollments_class ON roster_enrollments
  (site_id, class_sourced_id, status, role, school_sourced_id, user_sourced_id);
CREATE INDEX roster_enrollments_user
  ON roster_enrollments (site_id, user_sourced_id, status, role, class_sourced_id);

CREATE TABLE roster_demographics_clustered (
  site_id INTEGER NOT NULL REFERENCES sites (id),
  sourced_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'tobedeleted')),
  date_last_modified_ms INTEGER NOT NULL,
  birth_date TEXT,
  sex TEXT,
  american_indian_or_alaska_native INTEGER,
  asian INTEGER,
  black_or_african_american INTEGER,
  native_hawaiian_or_other_pacific_islander INTEGER,
  white INTEGER,
  demographic_race_two_or_more_races INTEGER,
  hispanic_or_latino_ethnicity INTEGER,
  country_of_birth_code TEXT,
  state_of_birth_abbreviation TEXT,
  city_of_birth TEXT,
  public_school_residence_status TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, sourced_id)
) WITHOUT ROWID;
INSERT INTO roster_demographics_clustered (site_id, sourced_id, status, date_last_modified_ms, birth_date, sex, american_indian_or_alaska_native, asian, black_or_african_american, native_hawaiian_or_other_pacific_islander, white, demographic_race_two_or_more_races, hispanic_or_latino_ethnicity, country_of_birth_code, state_of_birth_abbreviation, city_of_birth, public_school_residence_status, body)
  SELECT site_id, sourced_id, status, date_last_modified_ms, birth_date, sex, american_indian_or_alaska_native, asian, black_or_african_american, native_hawaiian_or_other_pacific_islander, white, demographic_race_two_or_more_races, hispanic_or_latino_ethnicity, country_of_birth_code, state_of_birth_abbreviation, city_of_birth, public_school_residence_status, body FROM roster_demographics;
DROP TABLE roster_demographics;
ALTER TABLE roster_demographics_clustered RENAME TO roster_demographics;
CREATE INDEX roster_demographics_modified ON roster_demographics (site_id, date_last_modified_ms);
CREATE INDEX roster_demographics_status ON roster_demographics (site_id, status, sourced_id);

CREATE TABLE roster_resources_clustered (
  site_id INTEGER NOT NULL REFERENCES sites (id),
  sourced_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'tobedeleted')),
  date_last_modified_ms INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  vendor_resource_id TEXT NOT NULL,
  vendor_id TEXT NOT NULL DEFAULT '',
  application_id TEXT NOT NULL DEFAULT '',
  importance TEXT,
  roles TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, sourced_id)
) WITHOUT ROWID;
INSERT INTO roster_resources_clustered (site_id, sourced_id, status, date_last_modified_ms, title, vendor_resource_id, vendor_id, application_id, importance, roles, body)
  SELECT site_id, sourced_id, status, date_last_modified_ms, title, vendor_resource_id, vendor_id, application_id, importance, roles, body FROM roster_resources;
DROP TABLE roster_resources;
ALTER TABLE roster_resources_clustered RENAME TO roster_resources;
CREATE INDEX roster_resources_modified ON roster_resources (site_id, date_last_modified_ms);
CREATE INDEX roster_resources_status ON roster_resources (site_id, status, sourced_id);
