#include "roster/generator/churn.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "core/text.h"
#include "roster/generator/names.h"
#include "roster/generator/rng.h"
#include "roster/generator/uk_identifiers.h"

namespace muster::roster::generator {
namespace {

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
  u.username = yy + AsciiLower(u.family_name).substr(0, 7) + AsciiLower(u.given_name).substr(0, 1);
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

// The leavers' guardians (parents, guardians, relatives): each one stops listing the leavers among
// its agents, and one left with no pupil at the school goes too (the MIS deletes a contact no pupil
// has any more). `relinked`: the guardians rewritten; `departed`: the ids of those to tombstone.
void UnlinkGuardians(const SchoolRoster& school, const std::vector<std::string>& leavers,
                     std::vector<User>& relinked, std::vector<std::string>& departed) {
  const std::set<std::string> leaving(leavers.begin(), leavers.end());
  for (const User& u : school.users) {
    const bool contact =
        u.role == Role::kGuardian || u.role == Role::kParent || u.role == Role::kRelative;
    if (!contact || u.status != RecordStatus::kActive) continue;
    auto gone = [&](const std::string& id) { return leaving.count(id) > 0; };
    if (std::none_of(u.agent_ids.begin(), u.agent_ids.end(), gone)) continue;
    User g = u;
    std::erase_if(g.agent_ids, gone);
    if (g.agent_ids.empty()) {
      departed.push_back(g.sourced_id);
    } else {
      relinked.push_back(std::move(g));
    }
  }
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
  std::vector<User> relinked_guardians;
  std::vector<std::string> departed_guardians;
  UnlinkGuardians(school, leavers, relinked_guardians, departed_guardians);
  std::vector<std::string> gone = leavers;
  gone.insert(gone.end(), departed_guardians.begin(), departed_guardians.end());

  Status written = store.InTransaction([&]() -> Status {
    MUSTER_ASSIGN_OR_RETURN(int64_t tombstoned,
                            store.Tombstone(RosterScope{site_id}, Entity::kUser, gone));
    (void)tombstoned;
    MUSTER_RETURN_IF_ERROR(store.PutUsers(renamed));
    MUSTER_RETURN_IF_ERROR(store.PutUsers(relinked_guardians));
    for (const Joiner& j : joiners) {
      MUSTER_RETURN_IF_ERROR(store.PutUsers(std::span<const User>(&j.user, 1)));
      MUSTER_RETURN_IF_ERROR(store.PutEnrollments(j.enrollments));
      MUSTER_RETURN_IF_ERROR(store.PutDemographics(j.demographics));
    }
    return OkStatus();
  });
  MUSTER_RETURN_IF_ERROR(written);

  // What a delta must now show: the leavers' and departed guardians' rows (cascades included)
  // as tombstones, the renamed pupils, the relinked guardians and the joiners' rows as changed.
  for (const std::string& id : gone) {
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
  for (const User& g : relinked_guardians) report.users.changed.push_back(g.sourced_id);
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
