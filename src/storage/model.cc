#include "storage/model.h"

#include <cstddef>
#include <string_view>
#include <utility>

namespace muster::storage {
namespace {

// Finds the enumerator whose name is `s` in a table of {value, name} pairs.
template <typename E, size_t N>
std::optional<E> ParseFrom(const std::pair<E, const char*> (&table)[N], std::string_view s) {
  for (const auto& [value, name] : table) {
    if (s == name) return value;
  }
  return std::nullopt;
}

template <typename E, size_t N>
const char* NameIn(const std::pair<E, const char*> (&table)[N], E value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "";
}

constexpr std::pair<InstallStatus, const char*> kInstallStatuses[] = {
    {InstallStatus::kPending, "pending"},
    {InstallStatus::kApproved, "approved"},
    {InstallStatus::kDisabled, "disabled"},
};
constexpr std::pair<ClientKind, const char*> kClientKinds[] = {
    {ClientKind::kManagement, "management"},
    {ClientKind::kDex, "dex"},
    {ClientKind::kOneRoster, "oneroster"},
};
constexpr std::pair<KeyState, const char*> kKeyStates[] = {
    {KeyState::kNext, "next"},
    {KeyState::kCurrent, "current"},
    {KeyState::kRetired, "retired"},
};
constexpr std::pair<AccountRole, const char*> kAccountRoles[] = {
    {AccountRole::kOperator, "operator"},
    {AccountRole::kTiAdmin, "ti_admin"},
    {AccountRole::kSiteAdmin, "site_admin"},
};

}  // namespace

const char* ToString(InstallStatus s) { return NameIn(kInstallStatuses, s); }
const char* ToString(ClientKind k) { return NameIn(kClientKinds, k); }
const char* ToString(KeyState s) { return NameIn(kKeyStates, s); }
const char* ToString(AccountRole r) { return NameIn(kAccountRoles, r); }

std::optional<InstallStatus> ParseInstallStatus(std::string_view s) {
  return ParseFrom(kInstallStatuses, s);
}
std::optional<ClientKind> ParseClientKind(std::string_view s) { return ParseFrom(kClientKinds, s); }
std::optional<KeyState> ParseKeyState(std::string_view s) { return ParseFrom(kKeyStates, s); }
std::optional<AccountRole> ParseAccountRole(std::string_view s) {
  return ParseFrom(kAccountRoles, s);
}

}  // namespace muster::storage
