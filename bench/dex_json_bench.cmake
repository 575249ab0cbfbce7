# DeX learner JSON: a 100-row page copied out of stored rows, and one pupil's serialization.
if(TARGET muster_dex)
  muster_bench(dex_json_bench
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/dex_json_bench.cc
    DEPS muster_dex)
endif()
