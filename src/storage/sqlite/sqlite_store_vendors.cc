// SqliteStore: vendors, their subscription keys and their applications.

#include "storage/sqlite/internal/database.h"
#include "storage/sqlite/internal/query.h"
#include "storage/sqlite/sqlite_store.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::Statement;

constexpr char kInsertVendor[] = "INSERT INTO vendors (id, name, created_ms) VALUES (?, ?, ?)";
constexpr char kSelectVendor[] = "SELECT id, name, created_ms FROM vendors WHERE id = ?";
constexpr char kListVendors[] = "SELECT id, name, created_ms FROM vendors ORDER BY id";

constexpr char kPutSubscriptionKey[] =
    "INSERT INTO subscription_keys (vendor_id, slot, key_hash, key_sealed, rotated_ms) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (vendor_id, slot) DO UPDATE SET "
    "key_hash = excluded.key_hash, key_sealed = excluded.key_sealed, "
    "rotated_ms = excluded.rotated_ms";
constexpr char kListSubscriptionKeys[] =
    "SELECT vendor_id, slot, key_hash, key_sealed, rotated_ms FROM subscription_keys "
    "ORDER BY vendor_id, slot";

#define MUSTER_APPLICATION_COLUMNS                                               \
  "id, vendor_id, name, description, icon_url, target_url, privacy_url, "        \
  "gdpr_summary, support_url, requires_approval, requested_scopes, created_ms, " \
  "updated_ms"
constexpr char kInsertApplication[] = "INSERT INTO applications (" MUSTER_APPLICATION_COLUMNS
                                      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kUpdateApplication[] =
    "UPDATE applications SET vendor_id = ?2, name = ?3, description = ?4, icon_url = ?5, "
    "target_url = ?6, privacy_url = ?7, gdpr_summary = ?8, support_url = ?9, "
    "requires_approval = ?10, requested_scopes = ?11, updated_ms = ?13 WHERE id = ?1";
constexpr char kSelectApplication[] =
    "SELECT " MUSTER_APPLICATION_COLUMNS " FROM applications WHERE id = ?";
constexpr char kListApplications[] =
    "SELECT " MUSTER_APPLICATION_COLUMNS " FROM applications ORDER BY id";
constexpr char kListVendorApplications[] =
    "SELECT " MUSTER_APPLICATION_COLUMNS " FROM applications WHERE vendor_id = ? ORDER BY id";
#undef MUSTER_APPLICATION_COLUMNS

Vendor ReadVendor(const Statement& st) {
  return Vendor{.id = st.Text(0), .name = st.Text(1), .created_ms = st.Int(2)};
}

SubscriptionKey ReadSubscriptionKey(const Statement& st) {
  return SubscriptionKey{.vendor_id = st.Text(0),
                         .slot = st.Text(1),
                         .key_hash = st.Text(2),
                         .key_sealed = st.Text(3),
                         .rotated_ms = st.Int(4)};
}

// Binds all thirteen columns in MUSTER_APPLICATION_COLUMNS order (the UPDATE uses ?N
// numbers in the same order and leaves created_ms, ?12, alone).
void BindApplication(Statement& st, const Application& a) {
  st.BindText(a.id)
      .BindText(a.vendor_id)
      .BindText(a.name)
      .BindText(a.description)
      .BindText(a.icon_url)
      .BindText(a.target_url)
      .BindText(a.privacy_url)
      .BindText(a.gdpr_summary)
      .BindText(a.support_url)
      .BindBool(a.requires_approval)
      .BindText(a.requested_scopes)
      .BindInt(a.created_ms)
      .BindInt(a.updated_ms);
}

Application ReadApplication(const Statement& st) {
  return Application{.id = st.Text(0),
                     .vendor_id = st.Text(1),
                     .name = st.Text(2),
                     .description = st.Text(3),
                     .icon_url = st.Text(4),
                     .target_url = st.Text(5),
                     .privacy_url = st.Text(6),
                     .gdpr_summary = st.Text(7),
                     .support_url = st.Text(8),
                     .requires_approval = st.Bool(9),
                     .requested_scopes = st.Text(10),
                     .created_ms = st.Int(11),
                     .updated_ms = st.Int(12)};
}

}  // namespace

Status SqliteStore::CreateVendor(const Vendor& v) {
  return db_->Write([&](Connection& c) {
    return internal::Execute(c, kInsertVendor, [&](Statement& st) {
      st.BindText(v.id).BindText(v.name).BindInt(v.created_ms);
    });
  });
}

Result<Vendor> SqliteStore::GetVendor(const std::string& id) {
  return db_->Read([&](Connection& c) {
    return internal::QueryOne<Vendor>(
        c, kSelectVendor, [&](Statement& st) { st.BindText(id); }, ReadVendor, "vendor");
  });
}

Result<std::vector<Vendor>> SqliteStore::ListVendors() {
  return db_->Read([](Connection& c) {
    return internal::QueryAll<Vendor>(c, kListVendors, internal::NoParams, ReadVendor);
  });
}

Status SqliteStore::PutSubscriptionKey(const SubscriptionKey& k) {
  return db_->Write([&](Connection& c) {
    return internal::Execute(c, kPutSubscriptionKey, [&](Statement& st) {
      st.BindText(k.vendor_id)
          .BindText(k.slot)
          .BindText(k.key_hash)
          .BindText(k.key_sealed)
          .BindInt(k.rotated_ms);
    });
  });
}

Result<std::vector<SubscriptionKey>> SqliteStore::ListSubscriptionKeys() {
  return db_->Read([](Connection& c) {
    return internal::QueryAll<SubscriptionKey>(c, kListSubscriptionKeys, internal::NoParams,
                                               ReadSubscriptionKey);
  });
}

Status SqliteStore::CreateApplication(const Application& a) {
  return db_->Write([&](Connection& c) {
    return internal::Execute(c, kInsertApplication, [&](Statement& st) { BindApplication(st, a); });
  });
}

Status SqliteStore::UpdateApplication(const Application& a) {
  return db_->Write([&](Connection& c) {
    return internal::ChangeOne(
        c, kUpdateApplication, [&](Statement& st) { BindApplication(st, a); }, "application");
  });
}

Result<Application> SqliteStore::GetApplication(const std::string& id) {
  return db_->Read([&](Connection& c) {
    return internal::QueryOne<Application>(
        c, kSelectApplication, [&](Statement& st) { st.BindText(id); }, ReadApplication,
        "application");
  });
}

Result<std::vector<Application>> SqliteStore::ListApplications(const std::string& vendor_id) {
  return db_->Read([&](Connection& c) {
    if (vendor_id.empty()) {
      return internal::QueryAll<Application>(c, kListApplications, internal::NoParams,
                                             ReadApplication);
    }
    return internal::QueryAll<Application>(
        c, kListVendorApplications, [&](Statement& st) { st.BindText(vendor_id); },
        ReadApplication);
  });
}

}  // namespace muster::storage::sqlite
