#include "roster/generator/loader.h"

#include <chrono>
#include <cstdio>
#include <vector>

#include "roster/generator/school_generator.h"

namespace muster::roster::generator {
namespace {

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// "1234567" -> "1,234,567"
std::string Thousands(int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

Result<int64_t> EnsureSite(storage::Store& store, admin::PlatformService& platform,
                           const SchoolPlan& school, const std::string& actor, bool* created) {
  auto existing = store.GetSiteByOrganisation(school.organisation_id);
  if (existing.ok()) return existing->id;
  if (existing.error().code != ErrorCode::kNotFound) return std::move(existing).error();
  storage::Site site;
  site.organisation_id = school.organisation_id;
  site.name = school.name;
  site.dfe_code = school.dfe_code;
  site.urn = school.urn;
  site.la_code = std::to_string(school.la_code);
  site.phase = school.phase == Phase::kPrimary ? "primary" : "secondary";
  MUSTER_ASSIGN_OR_RETURN(storage::Site made, platform.CreateSite(site, actor));
  *created = true;
  return made.id;
}

void Count(const SchoolRoster& r, LoadReport& report) {
  report.orgs += static_cast<int64_t>(r.orgs.size());
  report.sessions += static_cast<int64_t>(r.sessions.size());
  report.courses += static_cast<int64_t>(r.courses.size());
  report.classes += static_cast<int64_t>(r.classes.size());
  report.users += static_cast<int64_t>(r.users.size());
  for (const User& u : r.users) {
    if (u.role == Role::kStudent) ++report.students;
    if (u.role == Role::kTeacher) ++report.teachers;
    if (u.role == Role::kParent || u.role == Role::kGuardian || u.role == Role::kRelative) {
      ++report.guardians;
    }
  }
  report.enrollments += static_cast<int64_t>(r.enrollments.size());
  report.demographics += static_cast<int64_t>(r.demographics.size());
  report.resources += static_cast<int64_t>(r.resources.size());
}

Status Write(RosterStore& roster, const SchoolRoster& r) {
  MUSTER_RETURN_IF_ERROR(roster.PutOrgs(r.orgs));
  MUSTER_RETURN_IF_ERROR(roster.PutAcademicSessions(r.sessions));
  MUSTER_RETURN_IF_ERROR(roster.PutResources(r.resources));
  MUSTER_RETURN_IF_ERROR(roster.PutCourses(r.courses));
  MUSTER_RETURN_IF_ERROR(roster.PutClasses(r.classes));
  MUSTER_RETURN_IF_ERROR(roster.PutUsers(r.users));
  MUSTER_RETURN_IF_ERROR(roster.PutDemographics(r.demographics));
  return roster.PutEnrollments(r.enrollments);
}

}  // namespace

std::string LoadReport::Summary() const {
  char timing[160];
  std::snprintf(timing, sizeof timing, "%.1f s (generate %.1f s, write %.1f s, statistics %.1f s)",
                total_seconds, generate_seconds, write_seconds, optimize_seconds);
  return std::to_string(schools) + " schools: " + Thousands(users) + " users (" +
         Thousands(students) + " pupils, " + Thousands(guardians) + " guardians, " +
         Thousands(teachers) + " teachers), " + Thousands(classes) + " classes, " +
         Thousands(courses) + " courses, " + Thousands(enrollments) + " enrollments; " +
         Thousands(Records()) + " records in " + timing;
}

Result<LoadReport> LoadDemoRoster(RosterStore& roster, storage::Store& store,
                                  admin::PlatformService& platform, const Clock& clock,
                                  const LoadOptions& options) {
  const auto started = clock.Steady();
  const DatasetPlan plan = PlanDataset(options.size, options.seed);
  const SchoolCalendar calendar = CalendarFor(options.today);
  LoadReport report;
  report.schools = plan.schools.size();

  std::vector<int64_t> sites;
  for (const SchoolPlan& school : plan.schools) {
    bool created = false;
    MUSTER_ASSIGN_OR_RETURN(int64_t site,
                            EnsureSite(store, platform, school, options.actor, &created));
    if (created) ++report.sites_created;
    sites.push_back(site);
  }

  const DistrictPlan* district = plan.district ? &*plan.district : nullptr;
  MUSTER_RETURN_IF_ERROR(roster.InTransaction([&]() -> Status {
    for (size_t i = 0; i < plan.schools.size(); ++i) {
      const auto t0 = clock.Steady();
      SchoolRoster school = GenerateSchool(plan.schools[i], district, calendar, sites[i]);
      const auto t1 = clock.Steady();
      MUSTER_RETURN_IF_ERROR(roster.DeleteSiteRoster(RosterScope{sites[i]}));
      MUSTER_RETURN_IF_ERROR(Write(roster, school));
      report.generate_seconds += Seconds(t1 - t0);
      report.write_seconds += Seconds(clock.Steady() - t1);
      Count(school, report);
      if (options.progress) options.progress(i + 1, plan.schools.size());
    }
    return OkStatus();
  }));
  const auto t_commit = clock.Steady();
  MUSTER_RETURN_IF_ERROR(roster.Optimize());
  report.optimize_seconds = Seconds(clock.Steady() - t_commit);
  report.total_seconds = Seconds(clock.Steady() - started);
  // The commit happens when InTransaction returns; count it as writing.
  report.write_seconds = report.total_seconds - report.generate_seconds - report.optimize_seconds;
  return report;
}

}  // namespace muster::roster::generator
