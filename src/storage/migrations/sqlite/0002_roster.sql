-- 0002: the OneRoster roster (roster/model.h), read through roster::RosterStore. Forward-only.
--
-- Every row belongs to one site (tenancy: every query has site_id = ?). sourced_id is unique
-- per (site_id, table); references to other records are their sourcedIds (text), resolved
-- within the same site. status is 'active' or 'tobedeleted' (a tombstone, kept >= 90 days);
-- date_last_modified_ms is stamped by the store. `body` is the record's other members,
-- pre-serialized by roster/json.h (internal form, not plain JSON). The other columns exist to
-- filter, sort and join: their names are the ones roster/catalogs.cc maps OneRoster fields to.
-- List-valued fields used in filters (grades, subjects, ids) are comma-joined text.
--
-- Indexes per main table: (site_id, sourced_id) unique = upsert key and default order;
-- (site_id, date_last_modified_ms) = delta queries; (site_id, status) = index-only totals.

CREATE TABLE roster_orgs (
  pk INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites (id),
  sourced_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'tobedeleted')),
  date_last_modified_ms INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  identifier TEXT NOT NULL DEFAULT '',
  parent_sourced_id TEXT,
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX roster_orgs_key ON roster_orgs (site_id, sourced_id);
CREATE INDEX roster_orgs_modified ON roster_orgs (site_id, date_last_modified_ms);
CREATE INDEX roster_orgs_status ON roster_orgs (site_id, status);

CREATE TABLE roster_academic_sessions (
  pk INTEGER PRIMARY KEY,
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
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX roster_academic_sessions_key ON roster_academic_sessions (site_id, sourced_id);
CREATE INDEX roster_academic_sessions_modified
  ON roster_academic_sessions (site_id, date_last_modified_ms);
CREATE INDEX roster_academic_sessions_status ON roster_academic_sessions (site_id, status);

CREATE TABLE roster_courses (
  pk INTEGER PRIMARY KEY,
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
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX roster_courses_key ON roster_courses (site_id, sourced_id);
CREATE INDEX roster_courses_modified ON roster_courses (site_id, date_last_modified_ms);
CREATE INDEX roster_courses_status ON roster_courses (site_id, status);

CREATE TABLE roster_classes (
  pk INTEGER PRIMARY KEY,
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
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX roster_classes_key ON roster_classes (site_id, sourced_id);
CREATE INDEX roster_classes_modified ON roster_classes (site_id, date_last_modified_ms);
CREATE INDEX roster_classes_status ON roster_classes (site_id, status);
CREATE INDEX roster_classes_course ON roster_classes (site_id, course_sourced_id);

-- class.terms, for /terms/{id}/classes.
CREATE TABLE roster_class_terms (
  site_id INTEGER NOT NULL,
  class_sourced_id TEXT NOT NULL,
  term_sourced_id TEXT NOT NULL,
  PRIMARY KEY (site_id, class_sourced_id, term_sourced_id)
) WITHOUT ROWID;
CREATE INDEX roster_class_terms_term ON roster_class_terms (site_id, term_sourced_id);

CREATE TABLE roster_users (
  pk INTEGER PRIMARY KEY,
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
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX roster_users_key ON roster_users (site_id, sourced_id);
CREATE INDEX roster_users_modified ON roster_users (site_id, date_last_modified_ms);
CREATE INDEX roster_users_status ON roster_users (site_id, status);

-- user.orgs, for /schools/{id}/students and /schools/{id}/teachers.
CREATE TABLE roster_user_orgs (
  site_id INTEGER NOT NULL,
  user_sourced_id TEXT NOT NULL,
  org_sourced_id TEXT NOT NULL,
  PRIMARY KEY (site_id, user_sourced_id, org_sourced_id)
) WITHOUT ROWID;
CREATE INDEX roster_user_orgs_org ON roster_user_orgs (site_id, org_sourced_id);

CREATE TABLE roster_enrollments (
  pk INTEGER PRIMARY KEY,
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
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX roster_enrollments_key ON roster_enrollments (site_id, sourced_id);
CREATE INDEX roster_enrollments_modified ON roster_enrollments (site_id, date_last_modified_ms);
CREATE INDEX roster_enrollments_status ON roster_enrollments (site_id, status);
CREATE INDEX roster_enrollments_class ON roster_enrollments (site_id, class_sourced_id);
CREATE INDEX roster_enrollments_user ON roster_enrollments (site_id, user_sourced_id);

CREATE TABLE roster_demographics (
  pk INTEGER PRIMARY KEY,
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
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX roster_demographics_key ON roster_demographics (site_id, sourced_id);
CREATE INDEX roster_demographics_modified ON roster_demographics (site_id, date_last_modified_ms);
CREATE INDEX roster_demographics_status ON roster_demographics (site_id, status);

CREATE TABLE roster_resources (
  pk INTEGER PRIMARY KEY,
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
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX roster_resources_key ON roster_resources (site_id, sourced_id);
CREATE INDEX roster_resources_modified ON roster_resources (site_id, date_last_modified_ms);
CREATE INDEX roster_resources_status ON roster_resources (site_id, status);

-- class.resources and course.resources, for /classes/{id}/resources, /courses/{id}/resources.
CREATE TABLE roster_class_resources (
  site_id INTEGER NOT NULL,
  class_sourced_id TEXT NOT NULL,
  resource_sourced_id TEXT NOT NULL,
  PRIMARY KEY (site_id, class_sourced_id, resource_sourced_id)
) WITHOUT ROWID;

CREATE TABLE roster_course_resources (
  site_id INTEGER NOT NULL,
  course_sourced_id TEXT NOT NULL,
  resource_sourced_id TEXT NOT NULL,
  PRIMARY KEY (site_id, course_sourced_id, resource_sourced_id)
) WITHOUT ROWID;
