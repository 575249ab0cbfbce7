#include "learner/stored_json.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <iterator>
#include <optional>

#include "core/json_writer.h"

namespace muster::learner {
namespace {

// The stored members, in stored order (stored_json.h).
constexpr std::string_view kPersonMembers[] = {"ExternalID",
                                               "Forename",
                                               "Surname",
                                               "MiddleNames",
                                               "PreferredForename",
                                               "PreferredSurname",
                                               "GenderCategory",
                                               "DateOfBirth",
                                               "OnRollState",
                                               "UPN",
                                               "CurrentYearGroup",
                                               "CurrentRegistrationGroup",
                                               "CurrentPrimaryClass",
                                               "CurrentHouse"};
constexpr std::string_view kGroupMembers[] = {"@odata.type", "ExternalID", "GroupType",
                                              "ShortName",   "FullName",   "DisplayOrder"};
constexpr int kPersonCount = static_cast<int>(std::size(kPersonMembers));
constexpr int kGroupCount = static_cast<int>(std::size(kGroupMembers));
constexpr int kMaxMembers = kPersonCount;
constexpr int kDateOfBirth = 7;
constexpr std::string_view kDateOfBirthPrefix = "\"DateOfBirth\":\"";

int IndexOf(std::span<const std::string_view> names, std::string_view name) {
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

// Builds one stored row: the members in order, then the index in front.
class RowBuilder {
 public:
  JsonWriter& Member(std::string_view name) {
    if (!text_.empty()) {
      text_.push_back(',');
      starts_.push_back(static_cast<uint32_t>(text_.size()));
    }
    writer_.emplace(text_);  // a fresh writer: no comma before the key
    return writer_->Key(name);
  }
  void Text(std::string_view name, std::string_view value) { Member(name).String(value); }
  void TextOrNull(std::string_view name, std::string_view value) {
    if (value.empty()) {
      Member(name).Null();
    } else {
      Text(name, value);
    }
  }
  void Lookup(std::string_view name, const std::optional<GroupRef>& ref) {
    JsonWriter& w = Member(name);
    if (!ref) {
      w.Null();
      return;
    }
    w.BeginObject().Member("Description", ref->name).Member("ExternalID", ref->external_id);
    w.Member("Type", LookupType(ref->type)).EndObject();
  }
  std::string Finish(int members) {
    assert(static_cast<int>(starts_.size()) + 1 == members);
    (void)members;
    std::string out;
    out.reserve(starts_.size() * 4 + text_.size());
    for (uint32_t s : starts_) {
      for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>(s >> shift));
    }
    out += text_;
    return out;
  }

 private:
  std::string text_;
  std::vector<uint32_t> starts_;
  std::optional<JsonWriter> writer_;
};

// A stored row's text and where each member starts: member i is
// text.substr(starts[i], starts[i + 1] - 1 - starts[i]).
struct Members {
  std::string_view text;
  uint32_t starts[kMaxMembers + 1];

  std::string_view operator[](int i) const {
    return text.substr(starts[i], starts[i + 1] - 1 - starts[i]);
  }
};

// Reads where the members `needed` start (ascending, each in 1..n-1: the only ones a plan
// slices at; members 0 and n are the text's ends). False if `stored` is too short for the index
// of `n` members, or a start is out of order, past the text or not just after a separator.
bool Split(std::string_view stored, int n, std::span<const int> needed, Members& m) {
  const size_t index = static_cast<size_t>(n - 1) * 4;
  if (stored.size() <= index) return false;
  m.text = stored.substr(index);
  m.starts[0] = 0;
  m.starts[n] = static_cast<uint32_t>(m.text.size()) + 1;
  uint32_t previous = 0;
  for (int i : needed) {
    const auto* b = reinterpret_cast<const unsigned char*>(stored.data()) + (i - 1) * 4;
    const uint32_t s = b[0] | (b[1] << 8) | (b[2] << 16) | (static_cast<uint32_t>(b[3]) << 24);
    if (s < previous + 2 || s >= m.text.size() || m.text[s - 1] != ',') return false;
    m.starts[i] = previous = s;
  }
  return true;
}

void AppendAgeMonths(std::string& out, std::string_view date_of_birth, const CivilDate& today) {
  out += "\"AgeMonths\":";
  std::optional<int> months;
  if (date_of_birth.size() == kDateOfBirthPrefix.size() + 11 &&
      date_of_birth.starts_with(kDateOfBirthPrefix)) {
    auto birth = ParseCivilDate(date_of_birth.substr(kDateOfBirthPrefix.size(), 10));
    if (birth) months = AgeInMonths(*birth, today);
  }
  if (!months) {
    out += "null";
    return;
  }
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *months);
  (void)ec;
  out.append(buf, end);
}

}  // namespace

std::string LookupType(GroupType type) {
  return std::string("PastoralGroup.Definition.") + ToString(type);
}

std::string ODataType(GroupType type) { return std::string("#SIMS.") + ToString(type); }

std::string StorePerson(const Person& p) {
  RowBuilder row;
  row.Text("ExternalID", p.external_id);
  row.Text("Forename", p.forename);
  row.Text("Surname", p.surname);
  row.Text("MiddleNames", p.middle_names);
  row.Text("PreferredForename", p.preferred_forename);
  row.Text("PreferredSurname", p.preferred_surname);
  row.Text("GenderCategory", ToString(p.gender));
  row.TextOrNull("DateOfBirth", p.date_of_birth);
  row.Text("OnRollState", p.on_roll_state);
  row.TextOrNull("UPN", p.upn);
  row.Lookup("CurrentYearGroup", p.year_group);
  row.Lookup("CurrentRegistrationGroup", p.registration_group);
  const bool primary =
      p.registration_group && p.registration_group->type == GroupType::kPrimaryClass;
  row.Lookup("CurrentPrimaryClass", primary ? p.registration_group : std::nullopt);
  row.Lookup("CurrentHouse", p.house);
  return row.Finish(kPersonCount);
}

std::string StoreGroup(const Group& g) {
  RowBuilder row;
  row.Text("@odata.type", ODataType(g.type));
  row.Text("ExternalID", g.external_id);
  row.Text("GroupType", ToString(g.type));
  row.Text("ShortName", g.short_name);
  row.Text("FullName", g.full_name);
  row.Member("DisplayOrder").Int(g.display_order);
  return row.Finish(kGroupCount);
}

std::vector<std::string> SelectedFields(EntitySet set, std::span<const std::string> select) {
  const auto& catalog = CatalogFor(set);
  std::vector<std::string> out;
  auto add = [&](const std::string& name, bool selectable) {
    if (!selectable) return;
    const bool selected = select.empty() || name == catalog.key().name ||
                          std::find(select.begin(), select.end(), name) != select.end();
    if (selected) out.push_back(name);
  };
  for (const auto& p : catalog.properties()) add(p.name, p.selectable);
  for (const auto& n : catalog.navigations()) add(n.name, n.selectable);
  return out;
}

StoredJsonWriter::StoredJsonWriter(EntitySet set, std::span<const std::string> select,
                                   const CivilDate& today)
    : today_(today) {
  const bool groups = set == EntitySet::kLearnerGroups;
  const std::span<const std::string_view> names =
      groups ? std::span<const std::string_view>(kGroupMembers) : kPersonMembers;
  members_ = static_cast<int>(names.size());
  if (groups) AddStored(0);  // @odata.type
  for (const std::string& field : SelectedFields(set, select)) {
    const int member = IndexOf(names, field);
    if (member >= 0) {
      AddStored(member);
    } else if (!groups && field == "AgeMonths") {
      steps_.push_back({.kind = Step::Kind::kAgeMonths});
      extra_bytes_ += 1 + 12 + 11;  // ',' "AgeMonths": and an int
    } else if (!groups) {
      // DoNotCommunicate, DateOfApplication, Photograph: not in a OneRoster roster.
      AddText("\"" + field + "\":null");
    }
  }
  PlanSlices();
}

void StoredJsonWriter::PlanSlices() {
  auto need = [&](int member) {
    if (member > 0 && member < members_) needed_.push_back(member);
  };
  for (const Step& step : steps_) {
    if (step.kind == Step::Kind::kStored) {
      need(step.first);
      need(step.last + 1);
    } else if (step.kind == Step::Kind::kAgeMonths) {
      need(kDateOfBirth);
      need(kDateOfBirth + 1);
    }
  }
  std::sort(needed_.begin(), needed_.end());
  needed_.erase(std::unique(needed_.begin(), needed_.end()), needed_.end());
}

void StoredJsonWriter::AddStored(int member) {
  if (!steps_.empty() && steps_.back().kind == Step::Kind::kStored &&
      steps_.back().last + 1 == member) {
    steps_.back().last = member;  // adjacent: one copy, with the stored ',' between
    return;
  }
  steps_.push_back({.kind = Step::Kind::kStored, .first = member, .last = member});
  extra_bytes_ += 1;
}

void StoredJsonWriter::AddText(std::string text) {
  extra_bytes_ += 1 + text.size();
  if (!steps_.empty() && steps_.back().kind == Step::Kind::kText) {
    steps_.back().text += "," + text;
    return;
  }
  steps_.push_back({.kind = Step::Kind::kText, .text = std::move(text)});
}

bool StoredJsonWriter::AppendMembers(std::string& out, std::string_view stored) const {
  Members m;
  if (!Split(stored, members_, needed_, m)) return false;
  bool first = true;
  for (const Step& step : steps_) {
    if (!first) out.push_back(',');
    first = false;
    switch (step.kind) {
      case Step::Kind::kStored:
        out.append(m.text.substr(m.starts[step.first],
                                 m.starts[step.last + 1] - 1 - m.starts[step.first]));
        break;
      case Step::Kind::kAgeMonths:
        AppendAgeMonths(out, m[kDateOfBirth], today_);
        break;
      case Step::Kind::kText:
        out += step.text;
        break;
    }
  }
  return true;
}

bool StoredJsonWriter::AppendObject(std::string& out, std::string_view stored) const {
  out.push_back('{');
  if (!AppendMembers(out, stored)) {
    out.pop_back();
    return false;
  }
  out.push_back('}');
  return true;
}

}  // namespace muster::learner
