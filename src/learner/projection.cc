#include "learner/projection.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/text.h"
#include "core/uuid.h"
#include "learner/age.h"
#include "learner/uk_groups.h"

namespace muster::learner {
namespace {

constexpr char kIdSpace[] = "muster-learner";

std::string_view Meta(const roster::Metadata& metadata, std::string_view key) {
  for (const auto& [k, v] : metadata) {
    if (k == key) return Trim(v);
  }
  return {};
}

std::optional<PersonRole> RoleOf(roster::Role role) {
  switch (role) {
    case roster::Role::kStudent:
      return PersonRole::kStudent;
    case roster::Role::kTeacher:
      return PersonRole::kTeacher;
    case roster::Role::kAdministrator:
    case roster::Role::kAide:
    case roster::Role::kProctor:
      return PersonRole::kStaff;
    default:
      return std::nullopt;
  }
}

template <typename T>
std::vector<const T*> ActiveSorted(std::span<const T> records) {
  std::vector<const T*> out;
  for (const T& r : records) {
    if (r.status == roster::RecordStatus::kActive) out.push_back(&r);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const T* a, const T* b) { return a->sourced_id < b->sourced_id; });
  return out;
}

class Builder {
 public:
  explicit Builder(const RosterRecords& in) : in_(in) {}

  Projection Build() {
    AddClassGroups();
    for (const auto* d : ActiveSorted(in_.demographics)) demographics_.emplace(d->sourced_id, d);
    for (const auto* u : ActiveSorted(in_.users)) AddPerson(*u);
    AssignDisplayOrders();
    auto by_id = [](const auto& a, const auto& b) { return a.external_id < b.external_id; };
    std::sort(out_.people.begin(), out_.people.end(), by_id);
    std::sort(out_.groups.begin(), out_.groups.end(), by_id);
    return std::move(out_);
  }

 private:
  // A group and the key it is ordered by within its type.
  size_t AddGroup(Group g, int rank) {
    out_.groups.push_back(std::move(g));
    ranks_.push_back(rank);
    return out_.groups.size() - 1;
  }

  void AddClassGroups() {
    for (const roster::Class* c : ActiveSorted(in_.classes)) {
      const bool homeroom = c->class_type == roster::ClassType::kHomeroom;
      GroupType type = GroupType::kTeachingClass;
      if (homeroom) {
        const bool primary = !c->grades.empty() &&
                             std::all_of(c->grades.begin(), c->grades.end(),
                                         [](const std::string& g) { return IsPrimaryGrade(g); });
        type = primary ? GroupType::kPrimaryClass : GroupType::kRegistrationGroup;
      }
      int rank = 100;
      for (const std::string& g : c->grades) rank = std::min(rank, GradeRank(g));
      const std::string short_name = c->class_code.empty() ? c->title : c->class_code;
      const size_t index =
          AddGroup(Group{.site_id = in_.site_id,
                         .external_id = ExternalIdFor(in_.site_id, "class", c->sourced_id),
                         .type = type,
                         .short_name = short_name,
                         .full_name = c->title.empty() ? short_name : c->title,
                         .class_sourced_id = c->sourced_id},
                   rank);
      if (!homeroom) continue;
      homeroom_by_class_.emplace(c->sourced_id, index);
      if (!c->class_code.empty()) homeroom_by_code_.emplace(c->class_code, index);
      if (!c->title.empty()) homeroom_by_title_.emplace(c->title, index);
    }
  }

  // The group derived from (type, key), created on first use.
  GroupRef DerivedGroup(GroupType type, const std::string& key, const std::string& short_name,
                        const std::string& full_name, int rank) {
    auto [it, added] = derived_.try_emplace(std::make_pair(type, key), 0);
    if (added) {
      it->second =
          AddGroup(Group{.site_id = in_.site_id,
                         .external_id = DerivedGuid(kIdSpace, std::to_string(in_.site_id) + "/" +
                                                                  ToString(type) + "/" + key),
                         .type = type,
                         .short_name = short_name,
                         .full_name = full_name},
                   rank);
    }
    return Ref(it->second);
  }

  GroupRef Ref(size_t index) const {
    const Group& g = out_.groups[index];
    return GroupRef{g.external_id, g.full_name, g.type};
  }

  std::optional<GroupRef> YearGroupOf(const roster::User& u) {
    std::string_view text = Meta(u.metadata, "uk.yearGroup");
    std::optional<YearGroupName> year =
        text.empty() ? (u.grades.empty() ? std::nullopt : YearGroupOfGrade(u.grades.front()))
                     : ParseYearGroup(text);
    if (year) {
      return DerivedGroup(GroupType::kYearGroup, year->code, year->short_name, year->full_name,
                          year->nc + 3);
    }
    if (text.empty()) return std::nullopt;
    const std::string name(text);  // a year group Muster does not know: kept as written
    return DerivedGroup(GroupType::kYearGroup, name, name, name, 100);
  }

  std::optional<GroupRef> RegistrationGroupOf(const roster::User& u) {
    const std::string name(Meta(u.metadata, "uk.registrationGroup"));
    if (!name.empty()) {
      if (auto it = homeroom_by_code_.find(name); it != homeroom_by_code_.end()) {
        return Ref(it->second);
      }
      if (auto it = homeroom_by_title_.find(name); it != homeroom_by_title_.end()) {
        return Ref(it->second);
      }
      return DerivedGroup(GroupType::kRegistrationGroup, name, name, name, 100);
    }
    if (!homerooms_of_student_) IndexHomeroomEnrollments();
    auto it = homerooms_of_student_->find(u.sourced_id);
    if (it == homerooms_of_student_->end()) return std::nullopt;
    return Ref(it->second);
  }

  // user -> the homeroom group of their first (by class sourcedId) student enrollment.
  void IndexHomeroomEnrollments() {
    homerooms_of_student_.emplace();
    for (const roster::Enrollment* e : ActiveSorted(in_.enrollments)) {
      if (e->role != roster::Role::kStudent) continue;
      auto cls = homeroom_by_class_.find(e->class_id);
      if (cls == homeroom_by_class_.end()) continue;
      auto [it, added] = homerooms_of_student_->try_emplace(e->user_id, cls->second);
      const std::string& current = out_.groups[it->second].class_sourced_id;
      if (!added && e->class_id < current) it->second = cls->second;
    }
  }

  void AddPerson(const roster::User& u) {
    std::optional<PersonRole> role = RoleOf(u.role);
    if (!role) return;
    Person p{.site_id = in_.site_id,
             .external_id = ExternalIdFor(in_.site_id, "user", u.sourced_id),
             .user_sourced_id = u.sourced_id,
             .role = *role,
             .forename = u.given_name,
             .surname = u.family_name,
             .middle_names = u.middle_name,
             .on_roll_state = "Current",
             .date_last_modified_ms = u.date_last_modified_ms};
    if (!used_ids_.insert(p.external_id).second) {
      p.external_id = DerivedGuid(kIdSpace, std::to_string(in_.site_id) + "/user/" + u.sourced_id);
      used_ids_.insert(p.external_id);
    }
    p.preferred_forename = p.forename;
    p.preferred_surname = p.surname;
    if (auto it = demographics_.find(u.sourced_id); it != demographics_.end()) {
      const roster::Demographics& d = *it->second;
      if (d.sex) p.gender = *d.sex == roster::Sex::kFemale ? Gender::kFemale : Gender::kMale;
      if (ParseCivilDate(d.birth_date)) p.date_of_birth = d.birth_date;
      p.date_last_modified_ms = std::max(p.date_last_modified_ms, d.date_last_modified_ms);
    }
    if (p.role == PersonRole::kStudent) {
      p.upn = std::string(Meta(u.metadata, "uk.upn"));
      p.year_group = YearGroupOf(u);
      p.registration_group = RegistrationGroupOf(u);
      if (std::string_view house = Meta(u.metadata, "uk.house"); !house.empty()) {
        const std::string name(house);
        p.house = DerivedGroup(GroupType::kHouse, name, name, name, 0);
      }
    }
    out_.people.push_back(std::move(p));
  }

  // 1, 2, ... within each type, by (rank, short name, id).
  void AssignDisplayOrders() {
    std::vector<size_t> order(out_.groups.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto key = [&](size_t i) {
      const Group& g = out_.groups[i];
      return std::tie(g.type, ranks_[i], g.short_name, g.external_id);
    };
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
    std::map<GroupType, int64_t> next;
    for (size_t i : order) out_.groups[i].display_order = ++next[out_.groups[i].type];
  }

  const RosterRecords& in_;
  Projection out_;
  std::vector<int> ranks_;  // parallel to out_.groups
  std::map<std::pair<GroupType, std::string>, size_t> derived_;
  std::unordered_map<std::string, size_t> homeroom_by_class_, homeroom_by_code_, homeroom_by_title_;
  std::optional<std::unordered_map<std::string, size_t>> homerooms_of_student_;
  std::unordered_map<std::string, const roster::Demographics*> demographics_;
  std::set<std::string> used_ids_;
};

}  // namespace

std::string ExternalIdFor(int64_t site_id, std::string_view kind, std::string_view sourced_id) {
  if (auto guid = NormalizeGuid(sourced_id)) return *guid;
  return DerivedGuid(
      kIdSpace, std::to_string(site_id) + "/" + std::string(kind) + "/" + std::string(sourced_id));
}

Projection ProjectSite(const RosterRecords& roster) { return Builder(roster).Build(); }

}  // namespace muster::learner
