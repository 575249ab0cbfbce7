# OData query layer: parse + compile of a typical DeX learner filter.
muster_bench(odata_query_bench
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/odata_query_bench.cc
  DEPS muster_odata_query)
