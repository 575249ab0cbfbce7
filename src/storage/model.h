#pragma once

// The platform's records as the store holds them: vendors (TIs), their subscription keys and
// applications, sites (schools), installs, OAuth clients, signing keys, revocations, audit
// events and console accounts. Plain values; times are Unix milliseconds (0 = unset).
// GUIDs are upper case (core/uuid.h). Secret material is only ever a hash or a sealed blob.

#include <cstdint>
#include <optional>
#include <string>

namespace muster::storage {

enum class InstallStatus { kPending, kApproved, kDisabled };
enum class ClientKind { kManagement, kDex, kOneRoster };
enum class KeyState { kNext, kCurrent, kRetired };
enum class AccountRole { kOperator, kTiAdmin, kSiteAdmin };

const char* ToString(InstallStatus s);  // "pending" | "approved" | "disabled"
const char* ToString(ClientKind k);     // "management" | "dex" | "oneroster"
const char* ToString(KeyState s);       // "next" | "current" | "retired"
const char* ToString(AccountRole r);    // "operator" | "ti_admin" | "site_admin"
std::optional<InstallStatus> ParseInstallStatus(std::string_view s);
std::optional<ClientKind> ParseClientKind(std::string_view s);
std::optional<KeyState> ParseKeyState(std::string_view s);
std::optional<AccountRole> ParseAccountRole(std::string_view s);

struct Vendor {
  std::string id;  // GUID
  std::string name;
  int64_t created_ms = 0;
};

// The API-manager key ("Ocp-Apim-Subscription-Key"): one per vendor, two slots so it can be
// rotated without downtime. `key_hash` is SHA-256 hex for lookup; `key_sealed` lets the
// partner API show it (as OCPAIMKey) again.
struct SubscriptionKey {
  std::string vendor_id;
  std::string slot;  // "primary" | "secondary"
  std::string key_hash;
  std::string key_sealed;
  int64_t rotated_ms = 0;
};

// A TI's application: its Tilestore tile and the data it asks for.
struct Application {
  std::string id;  // GUID
  std::string vendor_id;
  std::string name;
  std::string description;
  std::string icon_url;
  std::string target_url;
  std::string privacy_url;
  std::string gdpr_summary;
  std::string support_url;
  bool requires_approval = true;  // install waits for the TI's approval
  std::string requested_scopes;   // space separated
  int64_t created_ms = 0;
  int64_t updated_ms = 0;
};

// A school (or other establishment). `id` is the small integer the partner API shows as "Id".
struct Site {
  int64_t id = 0;
  std::string organisation_id;  // GUID
  std::string name;
  std::string dfe_code;     // LLLEEEE
  std::string urn;          // six digits
  std::string deni_number;  // Northern Ireland, often empty
  std::string la_code;      // three digits
  std::string phase;        // "primary" | "secondary" | ...
  int64_t created_ms = 0;
};

struct Install {
  int64_t id = 0;
  int64_t site_id = 0;
  std::string application_id;
  InstallStatus status = InstallStatus::kPending;
  std::string consent_receipt;  // JSON: who consented to which scopes, when
  int64_t created_ms = 0;
  int64_t updated_ms = 0;
  int64_t approved_ms = 0;
};

// An OAuth 2.0 client. Management clients belong to a vendor (site_id 0); school clients
// (dex, oneroster) belong to one install: an application at one site.
struct Client {
  int64_t id = 0;
  std::string client_id;
  ClientKind kind = ClientKind::kOneRoster;
  std::string vendor_id;
  std::string application_id;  // empty for management clients
  int64_t site_id = 0;         // 0 = bound to no organisation
  std::string secret_hash;     // hex HMAC-SHA256 of the secret (crypto/secret_hash.h)
  std::string secret_sealed;   // the secret sealed with the master key (crypto/sealer.h)
  // During a rotation's grace period the previous secret still authenticates.
  std::string previous_secret_hash;
  int64_t previous_secret_expires_ms = 0;
  std::string scopes;  // granted scopes, space separated
  std::string description;
  bool enabled = true;
  int64_t created_ms = 0;
  int64_t updated_ms = 0;
};

// A JWS signing key. A key is published (JWKS) from creation, signs from `activates_ms`
// while current, and stays published after retirement until `remove_after_ms`.
struct SigningKey {
  std::string kid;
  std::string alg;  // "RS256" | "ES256" | "EdDSA"
  KeyState state = KeyState::kNext;
  std::string private_key_sealed;  // PKCS#8 PEM, sealed
  std::string certificate_pem;     // self-signed certificate (x5c, x5t)
  int64_t created_ms = 0;
  int64_t activates_ms = 0;
  int64_t retired_ms = 0;
  int64_t remove_after_ms = 0;
};

struct RevokedToken {
  std::string jti;
  int64_t expires_ms = 0;  // the token's exp; the entry may be purged after it
};

struct AuditEvent {
  int64_t id = 0;
  int64_t at_ms = 0;
  std::string actor;    // e.g. "client:sas-oneroster-…", "account:alice", "cli"
  std::string action;   // e.g. "token.issue", "token.refuse", "client.create"
  std::string target;   // e.g. organisation or client id
  std::string outcome;  // "ok" | a refusal reason
  std::string detail;   // free text, never a secret
  std::string request_id;
};

struct Account {
  int64_t id = 0;
  AccountRole role = AccountRole::kSiteAdmin;
  std::string username;
  std::string password_hash;  // Argon2id string (crypto/password.h)
  std::string vendor_id;      // ti_admin
  int64_t site_id = 0;        // site_admin
  int failed_logins = 0;
  int64_t locked_until_ms = 0;
  int64_t created_ms = 0;
};

}  // namespace muster::storage
