#include "learner/uk_groups.h"

#include <cctype>

namespace muster::learner {
namespace {

YearGroupName Make(int nc) {
  YearGroupName y;
  y.nc = nc;
  if (nc < 0) {
    y.code = "N" + std::to_string(nc + 3);
    y.short_name = y.code;
    y.full_name = "Nursery " + std::to_string(nc + 3);
  } else if (nc == 0) {
    y.code = "R";
    y.short_name = "R";
    y.full_name = "Reception";
  } else {
    y.code = "Y" + std::to_string(nc);
    y.short_name = "Year " + std::to_string(nc);
    y.full_name = y.short_name;
  }
  return y;
}

// Upper case, spaces dropped.
std::string Squash(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

// 1..13 from "7" / "07" / "13"; 0 otherwise.
int YearNumber(std::string_view digits) {
  if (digits.empty() || digits.size() > 2) return 0;
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= 13 ? n : 0;
}

}  // namespace

std::optional<YearGroupName> ParseYearGroup(std::string_view text) {
  const std::string s = Squash(text);
  if (s == "N1" || s == "NURSERY1") return Make(-2);
  if (s == "N2" || s == "NURSERY2") return Make(-1);
  if (s == "R" || s == "RECEPTION" || s == "YR") return Make(0);
  std::string_view digits = s;
  if (digits.starts_with("YEAR")) {
    digits.remove_prefix(4);
  } else if (digits.starts_with("Y")) {
    digits.remove_prefix(1);
  }
  if (int n = YearNumber(digits); n != 0) return Make(n);
  return std::nullopt;
}

std::optional<YearGroupName> YearGroupOfGrade(std::string_view grade) {
  if (grade == "PK") return Make(0);
  if (grade == "KG") return Make(1);
  if (grade.size() == 2) {
    if (int n = YearNumber(grade); n != 0 && n <= 12) return Make(n + 1);
  }
  return std::nullopt;
}

bool IsPrimaryGrade(std::string_view grade) {
  return grade == "PR" || grade == "PK" || grade == "KG" ||
         (grade.size() == 2 && grade >= "01" && grade <= "05");
}

int GradeRank(std::string_view grade) {
  if (grade == "PR") return 0;
  if (grade == "PK") return 1;
  if (grade == "KG") return 2;
  if (grade.size() == 2) {
    if (int n = YearNumber(grade); n != 0) return 2 + n;
  }
  return 100;
}

}  // namespace muster::learner
