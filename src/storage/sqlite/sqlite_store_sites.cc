// SqliteStore: sites (schools) and installs (an application at a site).

#include <algorithm>
#include <cctype>

#include "storage/sqlite/internal/database.h"
#include "storage/sqlite/internal/query.h"
#include "storage/sqlite/sqlite_store.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::Statement;

// created_ms comes second so that the UPDATE, which leaves it alone, skips ?2: SQLite
// sizes a statement's parameters by the highest number it uses, so the skipped one must not
// be the last.
#define MUSTER_SITE_COLUMNS \
  "id, created_ms, organisation_id, name, dfe_code, urn, deni_number, la_code, phase"
constexpr char kInsertSite[] =
    "INSERT INTO sites (" MUSTER_SITE_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr char kUpdateSite[] =
    "UPDATE sites SET organisation_id = ?3, name = ?4, dfe_code = ?5, urn = ?6, "
    "deni_number = ?7, la_code = ?8, phase = ?9 WHERE id = ?1";
constexpr char kSelectSite[] = "SELECT " MUSTER_SITE_COLUMNS " FROM sites WHERE id = ?";
constexpr char kSelectSiteByOrganisation[] =
    "SELECT " MUSTER_SITE_COLUMNS " FROM sites WHERE organisation_id = ?";
constexpr char kListSites[] = "SELECT " MUSTER_SITE_COLUMNS " FROM sites ORDER BY id";
#undef MUSTER_SITE_COLUMNS

#define MUSTER_INSTALL_COLUMNS                                                     \
  "id, site_id, application_id, status, consent_receipt, created_ms, updated_ms, " \
  "approved_ms"
// An existing (site_id, application_id) row keeps its id and created_ms. ON CONFLICT DO
// UPDATE (not REPLACE) matters: REPLACE deletes the row, and that would cascade to clients.
constexpr char kPutInstall[] =
    "INSERT INTO installs (site_id, application_id, status, consent_receipt, created_ms, "
    "updated_ms, approved_ms) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (site_id, application_id) DO UPDATE SET status = excluded.status, "
    "consent_receipt = excluded.consent_receipt, updated_ms = excluded.updated_ms, "
    "approved_ms = excluded.approved_ms RETURNING id";
constexpr char kSelectInstall[] =
    "SELECT " MUSTER_INSTALL_COLUMNS " FROM installs WHERE site_id = ? AND application_id = ?";
constexpr char kListInstalls[] = "SELECT " MUSTER_INSTALL_COLUMNS " FROM installs ORDER BY id";
// Bound clients go with it (ON DELETE CASCADE on clients).
constexpr char kDeleteInstall[] = "DELETE FROM installs WHERE site_id = ? AND application_id = ?";
#undef MUSTER_INSTALL_COLUMNS

// Organisation ids are GUIDs, stored upper case (ASCII, as SQLite's upper()).
std::string UpperAscii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
  return s;
}

void BindSite(Statement& st, const Site& s) {
  st.BindIdOrNull(s.id)
      .BindInt(s.created_ms)
      .BindText(UpperAscii(s.organisation_id))
      .BindText(s.name)
      .BindText(s.dfe_code)
      .BindText(s.urn)
      .BindText(s.deni_number)
      .BindText(s.la_code)
      .BindText(s.phase);
}

Site ReadSite(const Statement& st) {
  return Site{.id = st.Int(0),
              .organisation_id = st.Text(2),
              .name = st.Text(3),
              .dfe_code = st.Text(4),
              .urn = st.Text(5),
              .deni_number = st.Text(6),
              .la_code = st.Text(7),
              .phase = st.Text(8),
              .created_ms = st.Int(1)};
}

Install ReadInstall(const Statement& st) {
  // The CHECK constraint admits only the names ParseInstallStatus knows.
  return Install{.id = st.Int(0),
                 .site_id = st.Int(1),
                 .application_id = st.Text(2),
                 .status = ParseInstallStatus(st.Text(3)).value_or(InstallStatus::kDisabled),
                 .consent_receipt = st.Text(4),
                 .created_ms = st.Int(5),
                 .updated_ms = st.Int(6),
                 .approved_ms = st.Int(7)};
}

}  // namespace

Result<int64_t> SqliteStore::CreateSite(const Site& s) {
  return db_->Write([&](Connection& c) {
    return internal::WriteReturningId(c, kInsertSite, [&](Statement& st) { BindSite(st, s); });
  });
}

Status SqliteStore::UpdateSite(const Site& s) {
  return db_->Write([&](Connection& c) {
    return internal::ChangeOne(
        c, kUpdateSite, [&](Statement& st) { BindSite(st, s); }, "site");
  });
}

Result<Site> SqliteStore::GetSite(int64_t id) {
  return db_->Read([&](Connection& c) {
    return internal::QueryOne<Site>(
        c, kSelectSite, [&](Statement& st) { st.BindInt(id); }, ReadSite, "site");
  });
}

Result<Site> SqliteStore::GetSiteByOrganisation(const std::string& organisation_id) {
  return db_->Read([&](Connection& c) {
    return internal::QueryOne<Site>(
        c, kSelectSiteByOrganisation,
        [&](Statement& st) { st.BindText(UpperAscii(organisation_id)); }, ReadSite, "site");
  });
}

Result<std::vector<Site>> SqliteStore::ListSites() {
  return db_->Read([](Connection& c) {
    return internal::QueryAll<Site>(c, kListSites, internal::NoParams, ReadSite);
  });
}

Result<int64_t> SqliteStore::PutInstall(const Install& i) {
  return db_->Write([&](Connection& c) {
    return internal::WriteReturningId(c, kPutInstall, [&](Statement& st) {
      st.BindInt(i.site_id)
          .BindText(i.application_id)
          .BindText(ToString(i.status))
          .BindText(i.consent_receipt)
          .BindInt(i.created_ms)
          .BindInt(i.updated_ms)
          .BindInt(i.approved_ms);
    });
  });
}

Result<Install> SqliteStore::GetInstall(int64_t site_id, const std::string& application_id) {
  return db_->Read([&](Connection& c) {
    return internal::QueryOne<Install>(
        c, kSelectInstall, [&](Statement& st) { st.BindInt(site_id).BindText(application_id); },
        ReadInstall, "install");
  });
}

Result<std::vector<Install>> SqliteStore::ListInstalls() {
  return db_->Read([](Connection& c) {
    return internal::QueryAll<Install>(c, kListInstalls, internal::NoParams, ReadInstall);
  });
}

Status SqliteStore::DeleteInstall(int64_t site_id, const std::string& application_id) {
  return db_->Write([&](Connection& c) {
    return internal::ChangeOne(
        c, kDeleteInstall, [&](Statement& st) { st.BindInt(site_id).BindText(application_id); },
        "install");
  });
}

}  // namespace muster::storage::sqlite
