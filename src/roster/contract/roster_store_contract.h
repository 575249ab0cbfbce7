#pragma once

// The roster store contract: one GoogleTest suite every RosterStore backend must pass, so
// SQLite and PostgreSQL give the same answers. The tests live in roster_store_contract*.cc;
// a backend's test binary compiles them and instantiates the suite with its factory:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, RosterStoreContract,
//                            ::testing::Values(RosterBackend{"sqlite", MakeSqliteRoster}),
//                            RosterBackendName);
//
// Each test gets a fresh, migrated store, a fake clock the store stamps dateLastModified
// from, and two sites. Beyond roster_store.h the suite pins down: lists ordered by sourcedId
// byte-wise by default (PostgreSQL needs COLLATE "C"); totals independent of limit/offset;
// an unchanged re-put keeps its dateLastModified; tombstone cascades (user -> enrollments
// and demographics, class -> enrollments); nested collections through active links only.

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/form.h"
#include "roster/roster_store.h"
#include "tests/support/fake_clock.h"

namespace muster::roster::contract {

// A store under test and whatever keeps it alive; it can create the platform sites roster
// rows belong to.
class RosterStoreHandle {
 public:
  virtual ~RosterStoreHandle() = default;
  virtual RosterStore& store() = 0;
  virtual int64_t AddSite(const std::string& name) = 0;  // 0 (and a gtest failure) on error
};

struct RosterBackend {
  std::string name;  // the test-name suffix: letters, digits and '_'
  // A fresh, empty, migrated store whose clock is `clock`; nullptr after a gtest failure.
  std::function<std::unique_ptr<RosterStoreHandle>(const Clock& clock)> make;
};

std::string RosterBackendName(const ::testing::TestParamInfo<RosterBackend>& info);

template <typename T>
::testing::AssertionResult IsOk(const Result<T>& r) {
  if (r.ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << ErrorCodeName(r.error().code) << ": " << r.error().message
                                       << " [" << r.error().internal << "]";
}

// The ids of one small school, all prefixed with `p` ("a-sch", "a-stu1", ...):
//   orgs: dist (district; children [sch]), sch (school; parent dist)
//   sessions: y (schoolYear), t1, t2 (terms of y, org sch), g1 (gradingPeriod of t1),
//             g2 (of t2)
//   courses: crs-en, crs-ma (resources [res])
//   classes: cls-en1 (crs-en; terms [t1]), cls-ma1 (crs-ma; terms [t1, t2]; resources
//            [res]), cls-ma2 (crs-ma; terms [t2])
//   users: stu1..stu4 (students), tea1, tea2 (teachers), gua1 (guardian of stu1), all of sch
//   enrollments: stu1 in ma1 and en1, stu2 in ma1, stu3 in ma2, stu4 in en1; tea1 in ma1
//                (primary) and ma2, tea2 in en1 — sourcedIds "<p>-enr-<user>-<class>"
//   demographics: stu1, stu2; resources: res
struct SchoolIds {
  std::string p;
  std::string Id(const std::string& suffix) const { return p + "-" + suffix; }
  std::string Enr(const std::string& user, const std::string& cls) const {
    return p + "-enr-" + user + "-" + cls;
  }
};

class RosterStoreContract : public ::testing::TestWithParam<RosterBackend> {
 protected:
  void SetUp() override;
  RosterStore& store() { return handle_->store(); }
  muster::testing::FakeClock& clock() { return clock_; }

  // Writes the school above into `site_id`; fails the test on error.
  SchoolIds SeedSchool(int64_t site_id, const std::string& prefix);

  // One page of a listing with the request's query parameters, compiled as the API does.
  Result<Page> List(int64_t site_id, Listing listing, const FormFields& params = {},
                    const std::string& parent = "", const std::string& class_id = "",
                    ReadOptions options = {});
  // The sourcedIds of every row of a listing (one big page), or a failure marker.
  std::vector<std::string> Ids(int64_t site_id, Listing listing, const std::string& parent = "",
                               const std::string& class_id = "", ReadOptions options = {},
                               const FormFields& params = {});

  int64_t site_a_ = 0;
  int64_t site_b_ = 0;

 private:
  muster::testing::FakeClock clock_{1764000000};
  std::unique_ptr<RosterStoreHandle> handle_;
};

// Sorted copy, for expected id lists.
std::vector<std::string> Sorted(std::vector<std::string> ids);

}  // namespace muster::roster::contract
