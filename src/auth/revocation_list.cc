#include "auth/revocation_list.h"

#include <mutex>

namespace muster::auth {

Status RevocationList::Load() {
  int64_t now = clock_.NowUnixMillis();
  MUSTER_ASSIGN_OR_RETURN(auto rows, store_.ListRevokedTokens(now));
  std::unordered_map<std::string, int64_t> fresh;
  for (auto& r : rows) fresh.emplace(std::move(r.jti), r.expires_ms);
  std::unique_lock lock(mu_);
  revoked_ = std::move(fresh);
  return OkStatus();
}

Status RevocationList::Revoke(const std::string& jti, int64_t expires_unix) {
  MUSTER_RETURN_IF_ERROR(store_.AddRevokedToken({jti, expires_unix * 1000}));
  std::unique_lock lock(mu_);
  revoked_[jti] = expires_unix * 1000;
  return OkStatus();
}

bool RevocationList::IsRevoked(const std::string& jti) const {
  std::shared_lock lock(mu_);
  return revoked_.count(jti) != 0;
}

size_t RevocationList::size() const {
  std::shared_lock lock(mu_);
  return revoked_.size();
}

}  // namespace muster::auth
