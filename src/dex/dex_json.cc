#include "dex/dex_json.h"

#include <algorithm>
#include <vector>

#include "core/json_writer.h"

namespace muster::dex {
namespace {

using learner::EntitySet;
using learner::GroupType;
using learner::Person;
using odata::query::Query;

// The properties a response writes, in catalog order: every non-path property and every
// navigation, or the key plus the $select list.
std::vector<std::string> Fields(EntitySet set, const Query& query) {
  const auto& catalog = learner::CatalogFor(set);
  std::vector<std::string> all;
  for (const auto& p : catalog.properties()) {
    if (p.selectable) all.push_back(p.name);
  }
  for (const auto& n : catalog.navigations()) {
    if (n.selectable) all.push_back(n.name);
  }
  if (query.select.empty()) return all;
  std::vector<std::string> out;
  for (const std::string& name : all) {
    const bool selected =
        std::find(query.select.begin(), query.select.end(), name) != query.select.end();
    if (selected || name == catalog.key().name) out.push_back(name);
  }
  return out;
}

std::string Context(std::string_view root, EntitySet set, const Query& query, bool entity) {
  std::string out(root);
  out += "/$metadata#";
  out += learner::ToString(set);
  if (!query.select.empty()) {
    out.push_back('(');
    for (size_t i = 0; i < query.select.size(); ++i) {
      if (i > 0) out.push_back(',');
      out += query.select[i];
    }
    out.push_back(')');
  }
  if (entity) out += "/$entity";
  return out;
}

void TextOrNull(JsonWriter& w, const std::string& value) {
  if (value.empty()) {
    w.Null();
  } else {
    w.String(value);
  }
}

void Lookup(JsonWriter& w, const std::optional<learner::GroupRef>& ref) {
  if (!ref) {
    w.Null();
    return;
  }
  w.BeginObject().Member("Description", ref->name).Member("ExternalID", ref->external_id);
  w.Member("Type", LookupType(ref->type)).EndObject();
}

void PersonField(JsonWriter& w, std::string_view name, const Person& p,
                 const learner::CivilDate& today) {
  w.Key(name);
  if (name == "ExternalID") {
    w.String(p.external_id);
  } else if (name == "Forename") {
    w.String(p.forename);
  } else if (name == "Surname") {
    w.String(p.surname);
  } else if (name == "MiddleNames") {
    w.String(p.middle_names);
  } else if (name == "PreferredForename") {
    w.String(p.preferred_forename);
  } else if (name == "PreferredSurname") {
    w.String(p.preferred_surname);
  } else if (name == "GenderCategory") {
    w.String(learner::ToString(p.gender));
  } else if (name == "DateOfBirth") {
    TextOrNull(w, p.date_of_birth);
  } else if (name == "AgeMonths") {
    auto birth = learner::ParseCivilDate(p.date_of_birth);
    auto months = birth ? learner::AgeInMonths(*birth, today) : std::nullopt;
    if (months) {
      w.Int(*months);
    } else {
      w.Null();
    }
  } else if (name == "UPN") {
    TextOrNull(w, p.upn);
  } else if (name == "OnRollState") {
    w.String(p.on_roll_state);
  } else if (name == "CurrentYearGroup") {
    Lookup(w, p.year_group);
  } else if (name == "CurrentRegistrationGroup") {
    Lookup(w, p.registration_group);
  } else if (name == "CurrentPrimaryClass") {
    const bool primary =
        p.registration_group && p.registration_group->type == GroupType::kPrimaryClass;
    Lookup(w, primary ? p.registration_group : std::nullopt);
  } else if (name == "CurrentHouse") {
    Lookup(w, p.house);
  } else {
    w.Null();  // DoNotCommunicate, DateOfApplication, Photograph: not in a OneRoster roster
  }
}

void PersonObject(JsonWriter& w, const std::vector<std::string>& fields, const Person& p,
                  const learner::CivilDate& today) {
  w.BeginObject();
  for (const std::string& f : fields) PersonField(w, f, p, today);
  w.EndObject();
}

void GroupMembers(JsonWriter& w, const std::vector<std::string>& fields, const learner::Group& g) {
  w.Member("@odata.type", ODataType(g.type));
  for (const std::string& f : fields) {
    if (f == "ExternalID") {
      w.Member("ExternalID", g.external_id);
    } else if (f == "GroupType") {
      w.Member("GroupType", learner::ToString(g.type));
    } else if (f == "ShortName") {
      w.Member("ShortName", g.short_name);
    } else if (f == "FullName") {
      w.Member("FullName", g.full_name);
    } else if (f == "DisplayOrder") {
      w.Member("DisplayOrder", g.display_order);
    }
  }
}

template <typename T, typename Write>
std::string Collection(std::string_view root, EntitySet set, const Query& query,
                       const learner::LearnerPage<T>& page, std::string_view next_link,
                       Write&& write) {
  std::string out;
  out.reserve(256 + page.items.size() * 400);
  JsonWriter w(out);
  w.BeginObject().Member("@odata.context", Context(root, set, query, false));
  if (query.count) w.Member("@odata.count", page.total);
  w.Key("value").BeginArray();
  for (const T& item : page.items) write(w, item);
  w.EndArray();
  if (!next_link.empty()) w.Member("@odata.nextLink", next_link);
  w.EndObject();
  return out;
}

}  // namespace

std::string LookupType(GroupType type) {
  return std::string("PastoralGroup.Definition.") + learner::ToString(type);
}

std::string ODataType(GroupType type) { return std::string("#SIMS.") + learner::ToString(type); }

std::string LearnersJson(std::string_view root, EntitySet set, const Query& query,
                         const learner::LearnerPage<Person>& page, const learner::CivilDate& today,
                         std::string_view next_link) {
  const std::vector<std::string> fields = Fields(set, query);
  return Collection(root, set, query, page, next_link,
                    [&](JsonWriter& w, const Person& p) { PersonObject(w, fields, p, today); });
}

std::string GroupsJson(std::string_view root, const Query& query,
                       const learner::LearnerPage<learner::Group>& page,
                       std::string_view next_link) {
  const std::vector<std::string> fields = Fields(EntitySet::kLearnerGroups, query);
  return Collection(root, EntitySet::kLearnerGroups, query, page, next_link,
                    [&](JsonWriter& w, const learner::Group& g) {
                      w.BeginObject();
                      GroupMembers(w, fields, g);
                      w.EndObject();
                    });
}

std::string LearnerJson(std::string_view root, EntitySet set, const Query& query,
                        const Person& person, const learner::CivilDate& today) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject().Member("@odata.context", Context(root, set, query, true));
  for (const std::string& f : Fields(set, query)) PersonField(w, f, person, today);
  w.EndObject();
  return out;
}

std::string GroupJson(std::string_view root, const Query& query, const learner::Group& group) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject().Member("@odata.context", Context(root, EntitySet::kLearnerGroups, query, true));
  GroupMembers(w, Fields(EntitySet::kLearnerGroups, query), group);
  w.EndObject();
  return out;
}

}  // namespace muster::dex
