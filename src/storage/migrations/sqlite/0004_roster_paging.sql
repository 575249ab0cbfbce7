-- Paging through a school's active rows in sourcedId order (the default OneRoster order):
-- (site_id, status, sourced_id) serves the filter, the order and OFFSET skipping from the
-- index alone, so a deep page (offset 2,000 of a secondary's users) no longer reads every
-- skipped row, and the count of active rows stays index-only.
DROP INDEX roster_orgs_status;
CREATE INDEX roster_orgs_status ON roster_orgs (site_id, status, sourced_id);
DROP INDEX roster_academic_sessions_status;
CREATE INDEX roster_academic_sessions_status
  ON roster_academic_sessions (site_id, status, sourced_id);
DROP INDEX roster_courses_status;
CREATE INDEX roster_courses_status ON roster_courses (site_id, status, sourced_id);
DROP INDEX roster_classes_status;
CREATE INDEX roster_classes_status ON roster_classes (site_id, status, sourced_id);
DROP INDEX roster_users_status;
CREATE INDEX roster_users_status ON roster_users (site_id, status, sourced_id);
DROP INDEX roster_enrollments_status;
CREATE INDEX roster_enrollments_status ON roster_enrollments (site_id, status, sourced_id);
DROP INDEX roster_demographics_status;
CREATE INDEX roster_demographics_status ON roster_demographics (site_id, status, sourced_id);
DROP INDEX roster_resources_status;
CREATE INDEX roster_resources_status ON roster_resources (site_id, status, sourced_id);

-- The nested listings' lookups also name status, so with three equality terms these stay
-- the planner's choice over the status index even before ANALYZE has run (a class's pupils
-- must not become a walk of every enrollment of the school).
DROP INDEX roster_enrollments_class;
CREATE INDEX roster_enrollments_class
  ON roster_enrollments (site_id, class_sourced_id, status);
DROP INDEX roster_enrollments_user;
CREATE INDEX roster_enrollments_user ON roster_enrollments (site_id, user_sourced_id, status);
DROP INDEX roster_classes_course;
CREATE INDEX roster_classes_course ON roster_classes (site_id, course_sourced_id, status);
