#include "roster/generator/churn.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "roster/generator/names.h"
#include "roster/generator/rng.h"
#include "roster/generator/uk_identifiers.h"

namespace muster::roster::generator {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void Sort(CollectionChanges& c) {
  std::sort(c.changed.begin(), c.changed.end());
  std::sort(c.tombstoned.begin(), c.tombstoned.end());
}

void SetMeta(Metadata& metadata, const std::string& key, const std::string& value) {
  for (auto& [k, v] : metadata) {
    if (k == key) {
      v = value;
      return;
    }
  }
  metadata.emplace_back(key, value);
}

struct Joiner {
  User user;
  std::vector<Enrollment> enrollments;
  std::vector<Demographics> demographics;
};

// A new pupil in `classmate`'s year, registration group and teaching groups, with a fresh
// name, login, admission number and UPN (the classmate's LA, school and year, serial `serial`).
Joiner MakeJoiner(const SchoolRoster& school, const User& classmate, Rng& rng, int serial) {
  Joiner j;
  const Demographics* demo = nullptr;
  for (const Demographics& d : school.demographics) {
    if (d.sourced_id == classmate.sourced_id) demo = &d;
  }
  const bool girl = demo && demo->sex == Sex::kFemale;
  User& u = j.user;
  u = classmate;
  u.sourced_id = rng.Guid();
  u.given_name = std::string(rng.Pick(girl ? names::GirlNames() : names::BoyNames()));
  u.family_name = std::string(rng.Pick(names::FamilyNames()));
  u.middle_name.clear();
  u.agent_ids.clear();  // the MIS records contacts later
  const std::string yy = classmate.username.substr(0, 2);
  u.username = yy + Lower(u.family_name).substr(0, 7) + Lower(u.given_name).substr(0, 1);
  u.username.erase(
      std::remove_if(u.username.begin(), u.username.end(),
                     [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }),
      u.username.end());
  const auto at = classmate.email.find('@');
  u.email = u.username + (at == std::string::npos ? "@school.example" : classmate.email.substr(at));
  u.identifier = "J" + std::to_string(100000 + rng.Below(900000));
  for (UserId& id : u.user_ids) {
    if (id.type != "UPN" || id.identifier.size() != 13) continue;
    id.identifier =
        MakeUpn(std::stoi(id.identifier.substr(1, 3)), std::stoi(id.identifier.substr(4, 4)),
                std::stoi(id.identifier.substr(8, 2)), 900 + serial);
    SetMeta(u.metadata, "uk.upn", id.identifier);
  }
  for (const Enrollment& e : school.enrollments) {
    if (e.user_id != classmate.sourced_id) continue;
    Enrollment copy = e;
    copy.sourced_id = rng.Guid();
    copy.user_id = u.sourced_id;
    j.enrollments.push_back(std::move(copy));
  }
  if (demo) {
    Demographics d = *demo;
    d.sourced_id = u.sourced_id;
    j.demographics.push_back(std::move(d));
  }
  return j;
}

}  // namespace

Result<ChurnReport> ApplyChurn(RosterStore& store, const SchoolRoster& school,
                               const ChurnOptions& options) {
  std::vector<const User*> pupils;
  for (const User& u : school.users) {
    if (u.role == Role::kStudent && u.status == RecordStatus::kActive) pupils.push_back(&u);
  }
  std::sort(pupils.begin(), pupils.end(),
            [](const User* a, const User* b) { return a->sourced_id < b->sourced_id; });
  const size_t wanted =
      static_cast<size_t>(options.leavers + options.joiners + options.surname_changes);
  if (school.users.empty() || pupils.size() < wanted) {
    return MakeError(ErrorCode::kInvalidArgument, "",
                     "the school has too few pupils for that many changes");
  }
  const int64_t site_id = school.users.front().site_id;
  Rng rng(MixSeed(options.seed, static_cast<uint64_t>(site_id)));
  rng.Shuffle(std::span<const User*>(pupils));

  ChurnReport report;
  std::vector<std::string> leavers;
  std::vector<User> renamed;
  std::vector<Joiner> joiners;
  size_t next = 0;
  for (int i = 0; i < options.leavers; ++i) leavers.push_back(pupils[next++]->sourced_id);
  for (int i = 0; i < options.surname_changes; ++i) {
    User u = *pupils[next++];
    u.family_name = u.family_name + "-" + std::string(rng.Pick(names::FamilyNames()));
    renamed.push_back(std::move(u));
  }
  for (int i = 0; i < options.joiners; ++i) {
    joiners.push_back(MakeJoiner(school, *pupils[next++], rng, i));
  }

  Status written = store.InTransaction([&]() -> Status {
    MUSTER_ASSIGN_OR_RETURN(int64_t tombstoned,
                            store.Tombstone(RosterScope{site_id}, Entity::kUser, leavers));
    (void)tombstoned;
    MUSTER_RETURN_IF_ERROR(store.PutUsers(renamed));
    for (const Joiner& j : joiners) {
      MUSTER_RETURN_IF_ERROR(store.PutUsers(std::span<const User>(&j.user, 1)));
      MUSTER_RETURN_IF_ERROR(store.PutEnrollments(j.enrollments));
      MUSTER_RETURN_IF_ERROR(store.PutDemographics(j.demographics));
    }
    return OkStatus();
  });
  MUSTER_RETURN_IF_ERROR(written);

  // What a delta must now show: the leavers' rows (cascades included) as tombstones, the
  // renamed pupils and the joiners' rows as changed.
  for (const std::string& id : leavers) {
    report.users.tombstoned.push_back(id);
    for (const Enrollment& e : school.enrollments) {
      if (e.user_id == id && e.status == RecordStatus::kActive) {
        report.enrollments.tombstoned.push_back(e.sourced_id);
      }
    }
    for (const Demographics& d : school.demographics) {
      if (d.sourced_id == id) report.demographics.tombstoned.push_back(id);
    }
  }
  for (const User& u : renamed) report.users.changed.push_back(u.sourced_id);
  for (const Joiner& j : joiners) {
    report.users.changed.push_back(j.user.sourced_id);
    for (const Enrollment& e : j.enrollments) report.enrollments.changed.push_back(e.sourced_id);
    for (const Demographics& d : j.demographics)
      report.demographics.changed.push_back(d.sourced_id);
  }
  Sort(report.users);
  Sort(report.enrollments);
  Sort(report.demographics);
  return report;
}

}  // namespace muster::roster::generator
