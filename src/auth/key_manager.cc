#include "auth/key_manager.h"

#include "core/log.h"

namespace muster::auth {

KeyManager::KeyManager(storage::Store& store, const Clock& clock, const crypto::Sealer& sealer,
                       KeyPolicy policy)
    : store_(store),
      clock_(clock),
      sealer_(sealer),
      policy_(std::move(policy)),
      snapshot_(std::make_shared<const Snapshot>()) {}

Status KeyManager::Load() {
  std::lock_guard lock(mu_);
  return LoadLocked();
}

Status KeyManager::LoadLocked() {
  MUSTER_ASSIGN_OR_RETURN(auto rows, store_.ListSigningKeys());
  auto snap = std::make_shared<Snapshot>();
  int64_t signer_since = -1;
  for (const auto& row : rows) {
    MUSTER_ASSIGN_OR_RETURN(jose::JwsAlg alg, jose::ParseJwsAlg(row.alg));
    MUSTER_ASSIGN_OR_RETURN(std::string pem, sealer_.Open(row.private_key_sealed));
    MUSTER_ASSIGN_OR_RETURN(auto key, jose::SigningKey::FromPem(alg, pem, row.certificate_pem));
    std::shared_ptr<const jose::SigningKey> shared = std::move(key);
    snap->by_kid[row.kid] = shared;
    // Tick() keeps one current key; should two exist, the most recently activated signs.
    if (row.state == storage::KeyState::kCurrent && row.activates_ms > signer_since) {
      snap->signer = shared;
      signer_since = row.activates_ms;
    }
  }
  snap->jwks = "{\"keys\":[";
  if (snap->signer) snap->jwks += snap->signer->PublicJwkJson();
  for (const auto& [kid, key] : snap->by_kid) {
    if (key == snap->signer) continue;
    if (snap->jwks.back() != '[') snap->jwks += ",";
    snap->jwks += key->PublicJwkJson();
  }
  snap->jwks += "]}";
  snapshot_.store(std::move(snap));
  return OkStatus();
}

void KeyManager::SetSubject(std::string subject) {
  std::lock_guard lock(mu_);
  policy_.subject = std::move(subject);
}

Result<storage::SigningKey> KeyManager::NewKey(jose::JwsAlg alg, int64_t delay_ms) {
  int valid_days = static_cast<int>((policy_.lifetime_s + policy_.announce_s) / 86400) + 30;
  MUSTER_ASSIGN_OR_RETURN(auto key, jose::SigningKey::Generate(
                                        alg, policy_.subject, clock_.NowUnixSeconds(), valid_days));
  int64_t now_ms = clock_.NowUnixMillis();
  storage::SigningKey row;
  row.kid = key->kid();
  row.alg = jose::ToString(alg);
  row.state = delay_ms <= 0 ? storage::KeyState::kCurrent : storage::KeyState::kNext;
  row.private_key_sealed = sealer_.Seal(key->PrivateKeyPem(), random_);
  row.certificate_pem = key->CertificatePem();
  row.created_ms = now_ms;
  row.activates_ms = now_ms + std::max<int64_t>(delay_ms, 0);
  return row;
}

Result<std::string> KeyManager::Rotate(jose::JwsAlg alg, bool immediate) {
  std::lock_guard lock(mu_);
  MUSTER_ASSIGN_OR_RETURN(storage::SigningKey row,
                          NewKey(alg, immediate ? 0 : policy_.announce_s * 1000));
  int64_t now_ms = clock_.NowUnixMillis();
  int64_t activates = row.activates_ms;
  Status s = store_.InTransaction([&]() -> Status {
    MUSTER_ASSIGN_OR_RETURN(auto rows, store_.ListSigningKeys());
    for (auto& k : rows) {
      if (immediate && k.state == storage::KeyState::kCurrent) {
        k.state = storage::KeyState::kRetired;
        k.retired_ms = now_ms;
        k.remove_after_ms = now_ms + (policy_.token_lifetime_s + policy_.skew_s) * 1000;
        MUSTER_RETURN_IF_ERROR(store_.PutSigningKey(k));
      } else if (k.state == storage::KeyState::kNext) {
        // A newer announcement replaces an older one that never signed.
        MUSTER_RETURN_IF_ERROR(store_.DeleteSigningKey(k.kid));
      }
    }
    return store_.PutSigningKey(row);
  });
  MUSTER_RETURN_IF_ERROR(s);
  log::Info("key.rotate", {{"kid", row.kid},
                           {"alg", row.alg},
                           {"activates", std::to_string(activates)},
                           {"immediate", immediate ? "true" : "false"}});
  MUSTER_RETURN_IF_ERROR(LoadLocked());
  return row.kid;
}

Status KeyManager::Tick() {
  std::lock_guard lock(mu_);
  int64_t now_ms = clock_.NowUnixMillis();
  bool changed = false;
  Status s = store_.InTransaction([&]() -> Status {
    MUSTER_ASSIGN_OR_RETURN(auto rows, store_.ListSigningKeys());
    const storage::SigningKey* due = nullptr;
    for (const auto& k : rows) {
      if (k.state == storage::KeyState::kNext && k.activates_ms <= now_ms &&
          (!due || k.activates_ms > due->activates_ms)) {
        due = &k;
      }
    }
    bool has_current = false;
    bool has_next = false;
    int64_t current_since = 0;
    for (auto k : rows) {
      if (due && k.kid == due->kid) {
        k.state = storage::KeyState::kCurrent;
        MUSTER_RETURN_IF_ERROR(store_.PutSigningKey(k));
        changed = true;
        has_current = true;
        current_since = k.activates_ms;
      } else if (k.state == storage::KeyState::kCurrent && due) {
        k.state = storage::KeyState::kRetired;
        k.retired_ms = now_ms;
        k.remove_after_ms = now_ms + (policy_.token_lifetime_s + policy_.skew_s) * 1000;
        MUSTER_RETURN_IF_ERROR(store_.PutSigningKey(k));
        changed = true;
      } else if (k.state == storage::KeyState::kRetired && k.remove_after_ms <= now_ms) {
        MUSTER_RETURN_IF_ERROR(store_.DeleteSigningKey(k.kid));
        changed = true;
      } else if (k.state == storage::KeyState::kCurrent) {
        has_current = true;
        current_since = k.activates_ms;
      } else if (k.state == storage::KeyState::kNext) {
        has_next = true;
      }
    }
    if (!has_current) {
      MUSTER_ASSIGN_OR_RETURN(storage::SigningKey first, NewKey(policy_.alg, 0));
      MUSTER_RETURN_IF_ERROR(store_.PutSigningKey(first));
      log::Info("key.create", {{"kid", first.kid}, {"alg", first.alg}});
      changed = true;
    } else if (!has_next &&
               now_ms >= current_since + (policy_.lifetime_s - policy_.announce_s) * 1000) {
      MUSTER_ASSIGN_OR_RETURN(storage::SigningKey next,
                              NewKey(policy_.alg, policy_.announce_s * 1000));
      MUSTER_RETURN_IF_ERROR(store_.PutSigningKey(next));
      log::Info("key.announce", {{"kid", next.kid}, {"alg", next.alg}});
      changed = true;
    }
    return OkStatus();
  });
  MUSTER_RETURN_IF_ERROR(s);
  if (changed || !snapshot_.load()->signer) return LoadLocked();
  return OkStatus();
}

std::shared_ptr<const jose::SigningKey> KeyManager::Signer() const {
  return snapshot_.load()->signer;
}

std::shared_ptr<const jose::SigningKey> KeyManager::Find(std::string_view kid) const {
  auto snap = snapshot_.load();
  auto it = snap->by_kid.find(std::string(kid));
  return it == snap->by_kid.end() ? nullptr : it->second;
}

std::string KeyManager::Jwks() const { return snapshot_.load()->jwks; }

}  // namespace muster::auth
