#pragma once

// English school and pupil identifiers (sims-platform.md §10.1): local authority (LA) codes,
// DfE numbers (LAESTAB), URNs and Unique Pupil Numbers with their check letter, as the DfE
// specifies them ("Unique Pupil Numbers", GDSC v2.0). Pure; thread-safe.

#include <span>
#include <string>
#include <string_view>

namespace muster::roster::generator {

// True for a code in the census's post-1999 list (rule 1530), Wales's 660-681 included.
bool IsValidLaCode(int code);
// The English LA codes of that list (no Wales, no 001-005 / 70x specials), ascending.
std::span<const int> EnglishLaCodes();

// Seven digits whose first three are a valid LA code.
bool IsWellFormedDfeNumber(std::string_view dfe);
// Six digits.
bool IsWellFormedUrn(std::string_view urn);

// The check letter for the 12 characters after it (LA, ESTAB, year, serial; a temporary
// UPN's last character is a letter): weights 2..13 by position, digits by value, a final
// letter by its index in ABCDEFGHJKLMNPQRTUVWXYZ; the sum mod 23 indexes that alphabet.
// '\0' when `rest` is not 12 such characters.
char UpnCheckLetter(std::string_view rest);
// 13 characters: a correct check letter, 11 digits and a digit or letter, and a valid LA
// code in positions 2-4.
bool IsValidUpn(std::string_view upn);
// The UPN issued by school `la`/`estab` in year `yy` (00-99) with `serial` (000-999).
std::string MakeUpn(int la, int estab, int yy, int serial);

}  // namespace muster::roster::generator
