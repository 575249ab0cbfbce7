// SchoolBuilder: the school's orgs, calendar and resources, the year groups, and the helpers
// the people and class steps share.

#include <algorithm>
#include <cstdio>

#include "core/uuid.h"
#include "roster/generator/internal/school_builder.h"
#include "roster/generator/names.h"

namespace muster::roster::generator {

SchoolRoster GenerateSchool(const SchoolPlan& school, const DistrictPlan* district,
                            const SchoolCalendar& calendar, int64_t site_id) {
  return internal::SchoolBuilder(school, district, calendar, site_id).Build();
}

namespace internal {

std::string GradeFor(int nc) {
  if (nc < 0) return "PR";
  if (nc == 0) return "PK";
  if (nc == 1) return "KG";
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", (nc - 1) % 100);
  return buf;
}

std::string Alnum(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

SchoolBuilder::SchoolBuilder(const SchoolPlan& plan, const DistrictPlan* district,
                             const SchoolCalendar& calendar, int64_t site_id)
    : plan_(plan),
      district_(plan.in_district ? district : nullptr),
      cal_(calendar),
      site_(site_id),
      rng_(MixSeed(plan.seed, static_cast<uint64_t>(calendar.start_year))) {}

SchoolRoster SchoolBuilder::Build() {
  AddOrgs();
  AddSessions();
  AddResources();
  PlanYearGroups();
  AddPupilsAndFamilies();
  AddStaff();
  if (plan_.phase == Phase::kPrimary) {
    AddPrimaryClasses();
  } else {
    AddSecondaryClasses();
  }
  return std::move(roster_);
}

void SchoolBuilder::AddOrgs() {
  school_id_ = plan_.organisation_id;
  Org school{.site_id = site_,
             .sourced_id = school_id_,
             .metadata = {{"uk.urn", plan_.urn},
                          {"uk.laCode", std::to_string(plan_.la_code)},
                          {"uk.phase", plan_.phase == Phase::kPrimary ? "primary" : "secondary"}},
             .name = plan_.name,
             .type = OrgType::kSchool,
             .identifier = plan_.dfe_code};
  if (district_ != nullptr) {
    school.parent_id = district_->sourced_id;
    roster_.orgs.push_back(Org{
        .site_id = site_,
        .sourced_id = district_->sourced_id,
        .metadata = {{"uk.kind", district_->local_authority ? "localAuthority" : "academyTrust"}},
        .name = district_->name,
        .type = OrgType::kDistrict,
        .identifier = district_->identifier,
        .child_ids = {school_id_}});
  }
  roster_.orgs.push_back(std::move(school));
}

void SchoolBuilder::AddSessions() {
  auto session = [&](const SchoolPeriod& p, SessionType type, const std::string& parent) {
    roster_.sessions.push_back(AcademicSession{.site_id = site_,
                                               .sourced_id = rng_.Guid(),
                                               .title = p.title,
                                               .type = type,
                                               .start_date = FormatDate(p.start),
                                               .end_date = FormatDate(p.end),
                                               .parent_id = parent,
                                               .school_year = cal_.school_year,
                                               .org_id = school_id_});
    return roster_.sessions.size() - 1;
  };
  const size_t year =
      session(SchoolPeriod{cal_.title, cal_.start, cal_.end}, SessionType::kSchoolYear, "");
  year_id_ = roster_.sessions[year].sourced_id;
  for (size_t t = 0; t < cal_.terms.size(); ++t) {
    const size_t term = session(cal_.terms[t], SessionType::kTerm, year_id_);
    const std::string term_id = roster_.sessions[term].sourced_id;
    term_ids_.push_back(term_id);
    roster_.sessions[year].child_ids.push_back(term_id);
    for (size_t h = 2 * t; h < 2 * t + 2; ++h) {
      const size_t half = session(cal_.half_terms[h], SessionType::kGradingPeriod, term_id);
      roster_.sessions[term].child_ids.push_back(roster_.sessions[half].sourced_id);
    }
  }
}

void SchoolBuilder::AddResources() {
  struct Product {
    const char* id;
    const char* title;
  };
  static constexpr Product kProducts[] = {
      {"dlm-eyfs-ks1", "Demo Learning Maths: Early Years and Key Stage 1"},
      {"dlm-ks2", "Demo Learning Maths: Key Stage 2"},
      {"dlm-ks3", "Demo Learning Maths: Key Stage 3"},
      {"dlm-ks4", "Demo Learning Maths: GCSE"}};
  const std::string vendor = DerivedGuid(kDemoGuidSpace, "vendor");
  const std::string application = DerivedGuid(kDemoGuidSpace, "application");
  const bool primary = plan_.phase == Phase::kPrimary;
  for (size_t i = 0; i < 4; ++i) {
    if (primary != (i < 2)) {
      resource_ids_.emplace_back();
      continue;
    }
    roster_.resources.push_back(Resource{.site_id = site_,
                                         .sourced_id = rng_.Guid(),
                                         .title = kProducts[i].title,
                                         .roles = {Role::kStudent, Role::kTeacher},
                                         .importance = Importance::kPrimary,
                                         .vendor_resource_id = kProducts[i].id,
                                         .vendor_id = vendor,
                                         .application_id = application});
    resource_ids_.push_back(roster_.resources.back().sourced_id);
  }
}

void SchoolBuilder::PlanYearGroups() {
  const auto houses = names::HouseSet(rng_.Below(16));
  houses_.assign(houses.begin(), houses.end());
  auto add = [&](int nc, int size, int entry_nc) {
    YearGroup y;
    y.nc = nc;
    y.code = nc == -2 ? "N1" : nc == -1 ? "N2" : nc == 0 ? "R" : "Y" + std::to_string(nc);
    y.label = nc < 0    ? "Nursery " + std::to_string(nc + 3)
              : nc == 0 ? "Reception"
                        : "Year " + std::to_string(nc);
    y.grade = GradeFor(nc);
    y.entry_year = cal_.start_year - (nc - entry_nc);
    // +-8% around the plan, so year groups differ as they do in real schools.
    const int spread = std::max(1, size * 8 / 100);
    y.size = std::max(1, size + rng_.Between(-spread, spread));
    years_.push_back(std::move(y));
  };
  if (plan_.phase == Phase::kPrimary) {
    if (plan_.nursery) {
      add(-2, plan_.pupils_per_year / 2, -2);
      add(-1, plan_.pupils_per_year / 2, -2);
    }
    for (int nc = 0; nc <= 6; ++nc) add(nc, plan_.pupils_per_year, plan_.nursery ? -2 : 0);
  } else {
    for (int nc = 7; nc <= 11; ++nc) add(nc, plan_.pupils_per_year, 7);
    if (plan_.sixth_form_per_year > 0) {
      for (int nc = 12; nc <= 13; ++nc) add(nc, plan_.sixth_form_per_year, 7);
    }
  }
}

User SchoolBuilder::NewUser(Role role) {
  return User{.site_id = site_,
              .sourced_id = rng_.Guid(),
              .enabled_user = true,
              .role = role,
              .org_ids = {school_id_}};
}

std::string SchoolBuilder::UniqueUsername(std::string base) {
  if (usernames_.insert(base).second) return base;
  for (int n = 2;; ++n) {
    std::string candidate = base + std::to_string(n);
    if (usernames_.insert(candidate).second) return candidate;
  }
}

std::string SchoolBuilder::Email(std::string_view local) const {
  return std::string(local) + "@" + plan_.slug + ".example";
}

size_t SchoolBuilder::AddCourse(const std::string& title, const std::string& code,
                                const std::vector<std::string>& grades,
                                const std::string& subject) {
  Course c{.site_id = site_,
           .sourced_id = rng_.Guid(),
           .title = title,
           .school_year_id = year_id_,
           .course_code = code,
           .grades = grades,
           .subjects = {subject},
           .org_id = school_id_};
  if ((subject == "Mathematics" || subject == "Primary Curriculum") && !grades.empty()) {
    const std::string& g = grades.front();
    // EYFS and KS1 up to Year 2 ("01"), KS2 to Year 6 ("05"), KS3 to Year 9 ("08"), GCSE
    // to Year 11 ("10"); no product for the sixth form.
    const size_t stage = g == "PR" || g == "PK" || g == "KG" || g == "01" ? 0
                         : g < "06"                                       ? 1
                         : g < "09"                                       ? 2
                         : g < "11"                                       ? 3
                                                                          : 4;
    if (stage < 4 && !resource_ids_[stage].empty()) c.resource_ids = {resource_ids_[stage]};
  }
  roster_.courses.push_back(std::move(c));
  return roster_.courses.size() - 1;
}

size_t SchoolBuilder::AddClass(const std::string& title, const std::string& code, ClassType type,
                               size_t course, const std::vector<std::string>& grades,
                               const std::string& subject, const std::string& location) {
  static constexpr std::string_view kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri"};
  Class c{.site_id = site_,
          .sourced_id = rng_.Guid(),
          .title = title,
          .class_code = code,
          .class_type = type,
          .location = location,
          .grades = grades,
          .subjects = {subject},
          .course_id = roster_.courses[course].sourced_id,
          .school_id = school_id_,
          .term_ids = term_ids_,
          .resource_ids = roster_.courses[course].resource_ids};
  if (type == ClassType::kHomeroom) {
    c.periods = {"AM", "PM"};
  } else {
    const int lessons = rng_.Between(1, 3);
    for (int i = 0; i < lessons; ++i) {
      c.periods.push_back(std::string(kDays[rng_.Below(5)]) + ":" +
                          std::to_string(rng_.Between(1, 5)));
    }
  }
  roster_.classes.push_back(std::move(c));
  return roster_.classes.size() - 1;
}

void SchoolBuilder::Enroll(size_t user, size_t klass, Role role, std::optional<bool> primary) {
  roster_.enrollments.push_back(Enrollment{.site_id = site_,
                                           .sourced_id = rng_.Guid(),
                                           .user_id = roster_.users[user].sourced_id,
                                           .class_id = roster_.classes[klass].sourced_id,
                                           .school_id = school_id_,
                                           .role = role,
                                           .primary = primary,
                                           .begin_date = FormatDate(cal_.terms[0].start),
                                           .end_date = FormatDate(cal_.terms[2].end)});
}

void SchoolBuilder::Teach(Teacher& teacher, size_t klass, bool primary) {
  Enroll(teacher.user, klass, Role::kTeacher, primary);
  ++teacher.classes;
}

}  // namespace internal
}  // namespace muster::roster::generator
