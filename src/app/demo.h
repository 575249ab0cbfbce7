#pragma once

// The demo data set of `muster demo` and `muster serve --demo`: one vendor ("Demo Learning
// Ltd") with subscription keys and a vendor-management client, one application, three
// fictional English schools (the application approved at two, pending at the third), a
// DeX and a OneRoster client per school, and console accounts. Ids are deterministic;
// secrets are generated once and written to {data_dir}/muster-demo.json (mode 0600), the
// file Postman, the tests and a person read to run the Hello World at once.

#include <cstdint>
#include <string>

#include "app/runtime.h"
#include "core/result.h"

namespace muster::app {

// Creates the demo data unless it exists, (re)writes muster-demo.json with the current base
// URL, and returns a short human summary with the Hello World curl line. The OneRoster roster
// of `size` ("s", "m" or "l"; roster/generator/plan.h) and `seed` is generated once per data
// directory; a later call with another size or seed keeps it and says so in the summary.
Result<std::string> EnsureDemo(Runtime& runtime, const std::string& size, uint64_t seed = 1);

std::string DemoFilePath(const Runtime& runtime);

}  // namespace muster::app

namespace muster::app {

// `muster demo churn`: a day of MIS changes (roster/generator/churn.h) on the demo schools of
// this data directory's roster (the first three of its plan), each school's choices drawn
// from `seed`. Returns the report as JSON: {"schools":[{"organisationId", "users":
// {"changed":[...],"tombstoned":[...]}, "enrollments":{...}, "demographics":{...}}]}.
// kNotFound when the data directory holds no demo roster.
Result<std::string> ChurnDemo(Runtime& runtime, uint64_t seed);

}  // namespace muster::app
