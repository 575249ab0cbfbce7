#include "roster/generator/uk_identifiers.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace muster::roster::generator {
namespace {

constexpr std::string_view kUpnAlphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

struct Range {
  int lo, hi;
};
// sims-platform.md §10.1 (census rule 1530).
constexpr Range kValidLa[] = {
    {1, 5},     {201, 213}, {301, 320}, {330, 336}, {340, 344}, {350, 359}, {370, 373},
    {380, 384}, {390, 394}, {420, 420}, {660, 681}, {701, 708}, {800, 803}, {805, 808},
    {810, 813}, {815, 816}, {820, 823}, {825, 826}, {830, 831}, {835, 837}, {840, 841},
    {845, 846}, {850, 852}, {855, 857}, {860, 861}, {865, 896}, {908, 909}, {916, 916},
    {919, 919}, {921, 921}, {925, 926}, {928, 929}, {931, 931}, {933, 933}, {935, 938}};

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool IsValidLaCode(int code) {
  return std::any_of(std::begin(kValidLa), std::end(kValidLa),
                     [code](const Range& r) { return code >= r.lo && code <= r.hi; });
}

std::span<const int> EnglishLaCodes() {
  static const std::vector<int> kCodes = [] {
    std::vector<int> codes;
    for (const Range& r : kValidLa) {
      for (int c = r.lo; c <= r.hi; ++c) {
        const bool special = c < 200 || (c >= 660 && c <= 708);
        if (!special) codes.push_back(c);
      }
    }
    return codes;
  }();
  return kCodes;
}

bool IsWellFormedDfeNumber(std::string_view dfe) {
  if (dfe.size() != 7 || !AllDigits(dfe)) return false;
  return IsValidLaCode((dfe[0] - '0') * 100 + (dfe[1] - '0') * 10 + (dfe[2] - '0'));
}

bool IsWellFormedUrn(std::string_view urn) { return urn.size() == 6 && AllDigits(urn); }

char UpnCheckLetter(std::string_view rest) {
  if (rest.size() != 12 || !AllDigits(rest.substr(0, 11))) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 12; ++i) {
    const char c = rest[i];
    int value;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else {
      const size_t index = kUpnAlphabet.find(c);
      if (index == std::string_view::npos) return '\0';
      value = static_cast<int>(index);
    }
    sum += static_cast<int>(i + 2) * value;
  }
  return kUpnAlphabet[static_cast<size_t>(sum % 23)];
}

bool IsValidUpn(std::string_view upn) {
  if (upn.size() != 13) return false;
  const char check = UpnCheckLetter(upn.substr(1));
  if (check == '\0' || check != upn[0]) return false;
  return IsValidLaCode((upn[1] - '0') * 100 + (upn[2] - '0') * 10 + (upn[3] - '0'));
}

std::string MakeUpn(int la, int estab, int yy, int serial) {
  char rest[32];
  std::snprintf(rest, sizeof rest, "%03d%04d%02d%03d", la % 1000, estab % 10000, yy % 100,
                serial % 1000);
  std::string upn(1, UpnCheckLetter(rest));
  upn.append(rest);
  return upn;
}

}  // namespace muster::roster::generator
