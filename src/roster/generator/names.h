#pragma once

// Word lists for the demo roster: given and family names as common in England today (drawn
// at random, so every person is fictional), fictional place-name parts for school and trust
// names, house names and primary class names. Static storage.

#include <span>
#include <string_view>

namespace muster::roster::generator::names {

std::span<const std::string_view> GirlNames();
std::span<const std::string_view> BoyNames();
std::span<const std::string_view> FamilyNames();
std::span<const std::string_view> AdultGirlNames();  // for parents and staff
std::span<const std::string_view> AdultBoyNames();
std::span<const std::string_view> PlaceStarts();  // "Ash", "Brook", ...
std::span<const std::string_view> PlaceEnds();    // "combe", "field", ...
std::span<const std::string_view> Saints();       // "St Aldhelm's", ...
std::span<const std::string_view> TrustWords();   // "Learning", "Horizons", ...
// Four house names, from one of several themed sets chosen by `pick`.
std::span<const std::string_view> HouseSet(size_t pick);
std::span<const std::string_view> ClassNames();   // primary classes: "Oak", "Willow", ...
std::span<const std::string_view> MailDomains();  // "mail.example", ...

}  // namespace muster::roster::generator::names
