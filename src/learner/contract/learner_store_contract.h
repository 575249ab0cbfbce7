#pragma once

// The learner store contract: one GoogleTest suite every LearnerStore backend must pass, so
// SQLite and PostgreSQL give the same answers. A backend's test binary compiles
// learner_store_contract*.cc and instantiates the suite with its factory:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, LearnerStoreContract,
//                            ::testing::Values(LearnerBackend{"sqlite", MakeSqlite}),
//                            LearnerBackendName);
//
// The projection is derived from the roster, so a backend is a RosterStore and a
// LearnerStore over the same data. The suite pins down: the projection follows every roster
// write (puts, tombstones, site deletion) and a rolled-back write leaves it alone; tenancy
// (another site's person or group is kNotFound, its rows absent from every page); filters,
// order, paging with `more`, counts; group members by each group type; provisioning pages.

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/form.h"
#include "learner/catalogs.h"
#include "learner/learner_store.h"
#include "roster/roster_store.h"
#include "tests/support/fake_clock.h"
#include "tests/support/stored_columns.h"

namespace muster::learner::contract {

class LearnerStoreHandle {
 public:
  virtual ~LearnerStoreHandle() = default;
  virtual roster::RosterStore& roster() = 0;
  virtual LearnerStore& learners() = 0;
  virtual int64_t AddSite(const std::string& name) = 0;  // 0 (and a gtest failure) on error
};

struct LearnerBackend {
  std::string name;  // the test-name suffix: letters, digits and '_'
  // A fresh, empty, migrated store whose clock is `clock`; nullptr after a gtest failure.
  std::function<std::unique_ptr<LearnerStoreHandle>(const Clock& clock)> make;
};

std::string LearnerBackendName(const ::testing::TestParamInfo<LearnerBackend>& info);

// One small secondary school, every id derived from `prefix`:
//   classes  form (homeroom "7A", grade 06), maths (scheduled "7Ma1", grade 06)
//   users    stu1 (Y7, 7A, house Red), stu2 (Y7, 7A, house Blue), stu3 (Y8, no form,
//            house Red), tea1 (teacher), ta1 (aide), gua1 (guardian of stu1)
//   demographics stu1 (female, 2014-03-02), stu2 (male, 2013-10-20)
//   enrollments  stu1 and stu3 in maths, stu1 and stu2 in form, tea1 teaching maths
struct School {
  std::string prefix;
  std::string Id(const std::string& name) const;  // the roster sourcedId (a GUID)
};

class LearnerStoreContract : public ::testing::TestWithParam<LearnerBackend> {
 protected:
  void SetUp() override;
  roster::RosterStore& roster() { return handle_->roster(); }
  LearnerStore& learners() { return handle_->learners(); }

  School SeedSchool(int64_t site_id, const std::string& prefix);

  // The query of `params` for `set`, compiled as the DeX API compiles it.
  odata::query::CompiledQuery Compile(EntitySet set, const FormFields& params = {});
  // Surnames of the learners on the page, in order.
  static std::vector<std::string> Surnames(const StoredPage& page);
  // The id of the site's group called `full_name`; "" (and a failure) if none.
  std::string GroupId(int64_t site_id, const std::string& full_name);

  int64_t site_a_ = 0;
  int64_t site_b_ = 0;

 private:
  muster::testing::FakeClock clock_{1764000000};
  std::unique_ptr<LearnerStoreHandle> handle_;
};

}  // namespace muster::learner::contract
