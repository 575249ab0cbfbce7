# OneRoster query layer: parse + compile of a typical delta filter.
muster_bench(oneroster_query_bench
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/oneroster_query_bench.cc
  DEPS muster_oneroster_query)
