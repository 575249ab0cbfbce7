// SchoolBuilder: courses, classes and enrollments. A primary has registration classes only
// (mixed-age where the intake is not a multiple of 30); a secondary has forms plus teaching
// groups per subject: sets, form groups, option blocks and A-level groups.

#include <algorithm>
#include <map>

#include "roster/generator/internal/school_builder.h"
#include "roster/generator/names.h"

namespace muster::roster::generator::internal {
namespace {

struct Subject {
  const char* name;
  const char* code;
  const char* department;
};

constexpr Subject kEnglish{"English", "En", "English"};
constexpr Subject kMaths{"Mathematics", "Ma", "Mathematics"};
constexpr Subject kScience{"Science", "Sc", "Science"};
constexpr Subject kKs3FormSubjects[] = {{"History", "Hi", "Humanities"},
                                        {"Geography", "Gg", "Humanities"},
                                        {"Religious Education", "Re", "Humanities"},
                                        {"Computing", "Co", "Computing"},
                                        {"Art and Design", "Ar", "Creative Arts"},
                                        {"Music", "Mu", "Creative Arts"},
                                        {"Drama", "Dr", "Creative Arts"},
                                        {"Physical Education", "Pe", "Physical Education"},
                                        {"Design and Technology", "Dt", "Design and Technology"},
                                        {"PSHE", "Ps", "Humanities"}};
constexpr Subject kFrench{"French", "Fr", "Modern Languages"};
constexpr Subject kSpanish{"Spanish", "Sp", "Modern Languages"};
constexpr Subject kKs4FormSubjects[] = {{"Physical Education", "Pe", "Physical Education"},
                                        {"PSHE", "Ps", "Humanities"}};
constexpr Subject kHistory{"History", "Hi", "Humanities"};
constexpr Subject kGeography{"Geography", "Gg", "Humanities"};
constexpr Subject kComputerScience{"Computer Science", "Cs", "Computing"};
constexpr Subject kBusiness{"Business", "Bs", "Business"};
constexpr Subject kArt{"Art and Design", "Ar", "Creative Arts"};
constexpr Subject kMusic{"Music", "Mu", "Creative Arts"};
constexpr Subject kDrama{"Drama", "Dr", "Creative Arts"};
constexpr Subject kDesign{"Design and Technology", "Dt", "Design and Technology"};
constexpr Subject kFood{"Food Preparation and Nutrition", "Fn", "Design and Technology"};
constexpr Subject kReligiousStudies{"Religious Studies", "Rs", "Humanities"};
constexpr Subject kSociology{"Sociology", "So", "Humanities"};
constexpr Subject kGcsePe{"Physical Education", "Pe", "Physical Education"};
// GCSE option blocks: one subject from each.
const std::vector<std::vector<Subject>> kOptionBlocks = {
    {kHistory, kGeography, kComputerScience, kBusiness},
    {kFrench, kSpanish, kGeography, kHistory},
    {kArt, kMusic, kDrama, kDesign, kFood},
    {kComputerScience, kReligiousStudies, kSociology, kGcsePe, kArt}};

struct ALevel {
  Subject subject;
  int weight;  // relative popularity
};
constexpr ALevel kALevels[] = {{{"Mathematics", "Ma", "Mathematics"}, 10},
                               {{"Psychology", "Py", "Humanities"}, 8},
                               {{"Biology", "Bi", "Science"}, 8},
                               {{"Chemistry", "Ch", "Science"}, 6},
                               {{"English Literature", "El", "English"}, 5},
                               {{"History", "Hi", "Humanities"}, 5},
                               {{"Sociology", "So", "Humanities"}, 5},
                               {{"Business", "Bs", "Business"}, 5},
                               {{"Physics", "Ph", "Science"}, 4},
                               {{"Geography", "Gg", "Humanities"}, 4},
                               {{"Art and Design", "Ar", "Creative Arts"}, 4},
                               {{"Computer Science", "Cs", "Computing"}, 3},
                               {{"Economics", "Ec", "Business"}, 3},
                               {{"Politics", "Po", "Humanities"}, 2},
                               {{"Further Mathematics", "Fm", "Mathematics"}, 2},
                               {{"French", "Fr", "Modern Languages"}, 1},
                               {{"Drama", "Dr", "Creative Arts"}, 1},
                               {{"Religious Studies", "Rs", "Humanities"}, 1}};

std::string Room(Rng& rng, std::string_view department) {
  static const std::map<std::string_view, std::string_view> kPrefix = {
      {"English", "E"},       {"Mathematics", "M"},
      {"Science", "S"},       {"Modern Languages", "L"},
      {"Humanities", "H"},    {"Computing", "IT"},
      {"Creative Arts", "A"}, {"Design and Technology", "T"},
      {"Business", "B"}};
  if (department == "Physical Education") {
    static constexpr std::string_view kPe[] = {"Sports Hall", "Gym", "Field", "Dance Studio"};
    return std::string(kPe[rng.Below(4)]);
  }
  auto it = kPrefix.find(department);
  const std::string prefix(it == kPrefix.end() ? "R" : it->second);
  return prefix + std::to_string(rng.Between(1, 14));
}

// Splits `pupils` into `groups` contiguous, near-equal parts.
std::vector<std::vector<size_t>> Split(const std::vector<size_t>& pupils, size_t groups) {
  std::vector<std::vector<size_t>> out(std::max<size_t>(groups, 1));
  for (size_t i = 0; i < pupils.size(); ++i)
    out[i * out.size() / pupils.size()].push_back(pupils[i]);
  return out;
}

constexpr int kMaxLoad = 8;  // teaching groups per secondary teacher

}  // namespace

Teacher& SchoolBuilder::TeacherFor(const std::string& department) {
  Teacher* best = nullptr;
  bool any = false;
  for (Teacher& t : teachers_) {
    if (t.department != department) continue;
    any = true;
    if (t.classes < kMaxLoad && (best == nullptr || t.classes < best->classes)) best = &t;
  }
  if (best != nullptr) return *best;
  return teachers_[AddTeacher(department,
                              any ? "Teacher of " + department : "Head of " + department)];
}

void SchoolBuilder::AddPrimaryClasses() {
  const auto class_names = names::ClassNames();
  size_t next_name = rng_.Below(class_names.size());
  auto add_classes = [&](const std::vector<const YearGroup*>& years, size_t per_class) {
    std::vector<size_t> pupils;
    for (const YearGroup* y : years)
      pupils.insert(pupils.end(), y->pupils.begin(), y->pupils.end());
    if (pupils.empty()) return;
    for (const auto& members : Split(pupils, (pupils.size() + per_class - 1) / per_class)) {
      std::vector<const YearGroup*> in_class;  // the year groups this class mixes
      for (const YearGroup* y : years) {
        const bool any = std::any_of(members.begin(), members.end(), [&](size_t p) {
          return std::find(y->pupils.begin(), y->pupils.end(), p) != y->pupils.end();
        });
        if (any) in_class.push_back(y);
      }
      std::vector<std::string> grades;
      for (const YearGroup* y : in_class) grades.push_back(y->grade);
      const YearGroup& first = *in_class.front();
      const std::string name(class_names[next_name++ % class_names.size()]);
      std::string label = first.nc < 0 ? "Nursery" : first.label;
      if (in_class.size() > 1 && first.nc >= 0) {
        auto short_code = [](const YearGroup& y) { return y.nc == 0 ? std::string("R") : y.code; };
        label = short_code(first) + "/" + short_code(*in_class.back());
      }
      const std::string key = "P|" + first.code;
      if (!courses_.count(key)) {
        courses_[key] = AddCourse(first.nc < 0 ? "Nursery" : first.label, first.code + "CUR",
                                  {first.grade}, "Primary Curriculum");
      }
      const size_t klass =
          AddClass(name + " Class (" + label + ")", name, ClassType::kHomeroom, courses_[key],
                   grades, "Primary Curriculum", name + " Classroom");
      Teach(teachers_[AddTeacher("", "Class Teacher")], klass, true);
      if (rng_.Chance(0.2))
        Teach(teachers_[AddTeacher("", "Class Teacher (job share)")], klass, false);
      for (size_t p : members) {
        Enroll(p, klass, Role::kStudent, std::nullopt);
        SetRegistrationGroup(p, name);
      }
    }
  };
  std::vector<const YearGroup*> nursery, main;
  for (const YearGroup& y : years_) (y.nc < 0 ? nursery : main).push_back(&y);
  add_classes(nursery, 26);
  add_classes(main, 30);
  // Cover for planning time (PPA): one teacher per six classes teaches each of them a little.
  const size_t classes = roster_.classes.size();
  for (size_t c = 0; c < classes; ++c) {
    if (c % 6 == 0) AddTeacher("", "PPA Cover Teacher");
    Teach(teachers_.back(), c, false);
  }
}

void SchoolBuilder::AddSecondaryClasses() {
  for (YearGroup& year : years_) {
    AddForms(year);
    const int groups = static_cast<int>(year.forms.size());
    if (year.nc <= 9) {
      AddSetGroups(year, kEnglish.name, kEnglish.code, groups);
      AddSetGroups(year, kMaths.name, kMaths.code, groups);
      AddSetGroups(year, kScience.name, kScience.code, groups);
      for (const Subject& s : kKs3FormSubjects) AddFormGroups(year, s.name, s.code);
      AddFormGroups(year, "Modern Languages", "ML");
    } else if (year.nc <= 11) {
      AddSetGroups(year, kEnglish.name, kEnglish.code, groups);
      AddSetGroups(year, kMaths.name, kMaths.code, groups);
      AddSetGroups(year, "Combined Science", kScience.code, groups);
      for (const Subject& s : kKs4FormSubjects) AddFormGroups(year, s.name, s.code);
      AddOptionBlocks(year);
    } else {
      AddSixthForm(year);
    }
  }
  // Form tutors: teachers with a department, spread one form each as far as they go.
  std::vector<size_t> tutors;
  for (size_t t = 0; t < teachers_.size(); ++t) {
    if (!teachers_[t].department.empty()) tutors.push_back(t);
  }
  rng_.Shuffle(std::span(tutors));
  size_t next = 0;
  for (YearGroup& year : years_) {
    for (size_t klass : year.form_classes) {
      Teacher& tutor = next < tutors.size() ? teachers_[tutors[next++]]
                                            : teachers_[AddTeacher("", "Form Tutor")];
      Teach(tutor, klass, true);
    }
  }
}

void SchoolBuilder::AddForms(YearGroup& year) {
  const size_t per_form = year.nc >= 12 ? 20 : 25;
  std::vector<size_t> pupils = year.pupils;
  rng_.Shuffle(std::span(pupils));
  year.forms = Split(pupils, std::max<size_t>(1, (pupils.size() + per_form / 2) / per_form));
  const std::string y = std::to_string(year.nc);
  const size_t course =
      AddCourse(year.label + " Registration", y + "REG", {year.grade}, "Registration");
  for (size_t f = 0; f < year.forms.size(); ++f) {
    const std::string name = y + static_cast<char>('A' + f % 26);
    const size_t klass = AddClass(name, name, ClassType::kHomeroom, course, {year.grade},
                                  "Registration", "R" + std::to_string(rng_.Between(1, 60)));
    year.form_classes.push_back(klass);
    for (size_t p : year.forms[f]) {
      Enroll(p, klass, Role::kStudent, std::nullopt);
      SetRegistrationGroup(p, name);
    }
  }
}

void SchoolBuilder::AddSetGroups(YearGroup& year, const std::string& subject,
                                 const std::string& code, int groups) {
  const std::string y = std::to_string(year.nc);
  const std::string department = subject == "Combined Science" ? "Science" : subject;
  const size_t course = AddCourse(year.label + " " + subject, y + code, {year.grade}, subject);
  std::vector<size_t> pupils = year.pupils;  // sets by (fictional) prior attainment
  rng_.Shuffle(std::span(pupils));
  const auto sets = Split(pupils, static_cast<size_t>(groups));
  for (size_t s = 0; s < sets.size(); ++s) {
    const std::string n = std::to_string(s + 1);
    const size_t klass =
        AddClass(year.label + " " + subject + " Set " + n, y + code + n, ClassType::kScheduled,
                 course, {year.grade}, subject, Room(rng_, department));
    Teach(TeacherFor(department), klass, true);
    for (size_t p : sets[s]) Enroll(p, klass, Role::kStudent, std::nullopt);
  }
}

void SchoolBuilder::AddFormGroups(YearGroup& year, const std::string& subject,
                                  const std::string& code) {
  const std::string y = std::to_string(year.nc);
  for (size_t f = 0; f < year.forms.size(); ++f) {
    // KS3 languages: forms alternate between French and Spanish.
    Subject s{subject.c_str(), code.c_str(), nullptr};
    if (subject == "Modern Languages") s = f % 2 == 0 ? kFrench : kSpanish;
    std::string department = subject;
    for (const Subject& known : kKs3FormSubjects) {
      if (subject == known.name) department = known.department;
    }
    if (s.department != nullptr) department = s.department;
    const std::string key = y + "|" + s.name;
    if (!courses_.count(key)) {
      courses_[key] = AddCourse(year.label + " " + s.name, y + s.code, {year.grade}, s.name);
    }
    const std::string form = y + static_cast<char>('A' + f % 26);
    const size_t klass = AddClass(form + " " + s.name, form + "/" + s.code, ClassType::kScheduled,
                                  courses_[key], {year.grade}, s.name, Room(rng_, department));
    Teach(TeacherFor(department), klass, true);
    for (size_t p : year.forms[f]) Enroll(p, klass, Role::kStudent, std::nullopt);
  }
}

void SchoolBuilder::AddOptionBlocks(YearGroup& year) {
  const std::string y = std::to_string(year.nc);
  // Each pupil takes one subject per block, never the same subject twice.
  std::map<std::pair<size_t, std::string>, std::vector<size_t>> takers;  // (block, subject)
  for (size_t p : year.pupils) {
    std::vector<std::string> taken;
    for (size_t b = 0; b < kOptionBlocks.size(); ++b) {
      const auto& block = kOptionBlocks[b];
      for (int attempt = 0; attempt < 8; ++attempt) {
        const Subject& s = block[rng_.Below(block.size())];
        if (std::find(taken.begin(), taken.end(), s.name) != taken.end()) continue;
        taken.push_back(s.name);
        takers[{b, s.name}].push_back(p);
        break;
      }
    }
  }
  for (const auto& [key, pupils] : takers) {
    const auto& [block, name] = key;
    const Subject* s = nullptr;
    for (const Subject& candidate : kOptionBlocks[block]) {
      if (candidate.name == name) s = &candidate;
    }
    const std::string course_key = y + "|" + name;
    if (!courses_.count(course_key)) {
      courses_[course_key] = AddCourse(year.label + " " + name, y + s->code, {year.grade}, name);
    }
    const std::string letter(1, static_cast<char>('A' + block));
    const auto groups = Split(pupils, (pupils.size() + 27) / 28);
    for (size_t g = 0; g < groups.size(); ++g) {
      const std::string n = std::to_string(g + 1);
      const size_t klass =
          AddClass(year.label + " " + name + " (Block " + letter + ") Group " + n,
                   y + letter + "/" + s->code + n, ClassType::kScheduled, courses_[course_key],
                   {year.grade}, name, Room(rng_, s->department));
      Teach(TeacherFor(s->department), klass, true);
      for (size_t p : groups[g]) Enroll(p, klass, Role::kStudent, std::nullopt);
    }
  }
}

void SchoolBuilder::AddSixthForm(YearGroup& year) {
  const std::string y = std::to_string(year.nc);
  int total_weight = 0;
  for (const ALevel& a : kALevels) total_weight += a.weight;
  std::vector<std::vector<size_t>> takers(std::size(kALevels));
  for (size_t p : year.pupils) {
    std::vector<size_t> chosen;
    while (chosen.size() < 3) {
      int r = rng_.Between(0, total_weight - 1);
      size_t pick = 0;
      while (r >= kALevels[pick].weight) r -= kALevels[pick++].weight;
      if (std::find(chosen.begin(), chosen.end(), pick) == chosen.end()) chosen.push_back(pick);
    }
    for (size_t c : chosen) takers[c].push_back(p);
  }
  for (size_t a = 0; a < takers.size(); ++a) {
    if (takers[a].empty()) continue;
    const Subject& s = kALevels[a].subject;
    const size_t course = AddCourse(year.label + " " + s.name + " (A level)", y + s.code + "-AL",
                                    {year.grade}, s.name);
    const auto groups = Split(takers[a], (takers[a].size() + 19) / 20);
    for (size_t g = 0; g < groups.size(); ++g) {
      const std::string n = std::to_string(g + 1);
      const size_t klass =
          AddClass(year.label + " " + s.name + " (A level) Group " + n, y + "/" + s.code + n,
                   ClassType::kScheduled, course, {year.grade}, s.name, Room(rng_, s.department));
      Teach(TeacherFor(s.department), klass, true);
      for (size_t p : groups[g]) Enroll(p, klass, Role::kStudent, std::nullopt);
    }
  }
}

}  // namespace muster::roster::generator::internal
