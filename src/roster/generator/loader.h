#pragma once

// LoadDemoRoster: writes a generated demo data set (plan.h, school_generator.h) through the
// stores. Each planned school needs a platform site: the three demo schools' sites are
// found by organisation id (app/demo.cc creates them with their clients), any other is
// created through admin::PlatformService. Then, in one RosterStore transaction, every
// school's roster replaces whatever roster the site had, one school at a time (so memory
// holds one school, not the data set), and the planner statistics are refreshed.
//
// Not thread-safe against itself (one load at a time); the stores are borrowed.

#include <cstdint>
#include <functional>
#include <string>

#include "admin/platform_service.h"
#include "core/clock.h"
#include "core/result.h"
#include "roster/generator/plan.h"
#include "roster/generator/school_calendar.h"
#include "roster/roster_store.h"
#include "storage/store.h"

namespace muster::roster::generator {

struct LoadOptions {
  DemoSize size = DemoSize::kS;
  uint64_t seed = 1;
  CivilDate today;             // picks the school year (terms, birth dates, UPN years)
  std::string actor = "demo";  // audit actor for created sites
  // Called after each school is written: (schools done, schools planned).
  std::function<void(size_t, size_t)> progress = {};
};

struct LoadReport {
  size_t schools = 0;
  size_t sites_created = 0;
  int64_t orgs = 0, sessions = 0, courses = 0, classes = 0, users = 0, students = 0, teachers = 0,
          guardians = 0, enrollments = 0, demographics = 0, resources = 0;
  double generate_seconds = 0;  // building records in memory
  double write_seconds = 0;     // Put* calls, the commit and creating sites
  double optimize_seconds = 0;  // planner statistics
  double total_seconds = 0;     // including site creation

  int64_t Records() const {
    return orgs + sessions + courses + classes + users + enrollments + demographics + resources;
  }
  // "103 schools: 287,123 users (...), 1,402,334 enrollments, ... in 41.2 s (...)"
  std::string Summary() const;
};

Result<LoadReport> LoadDemoRoster(RosterStore& roster, storage::Store& store,
                                  admin::PlatformService& platform, const Clock& clock,
                                  const LoadOptions& options);

}  // namespace muster::roster::generator
