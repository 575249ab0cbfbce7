# muster_library(NAME SOURCES ... DEPS ...): one static library per module, rooted at src/.
function(muster_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

# muster_unit_test(NAME SOURCES ... DEPS ...): a GoogleTest binary registered with CTest.
# Unit tests sit beside the code they test (foo_test.cc next to foo.cc).
function(muster_unit_test name)
  if(NOT MUSTER_BUILD_TESTS OR MUSTER_FUZZ)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gmock GTest::gtest_main)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS unit TIMEOUT 300)
endfunction()

# muster_embed_file(VAR INPUT file HEADER include NAMESPACE ns FUNCTION name [COMMENT text]):
# generates ${CMAKE_CURRENT_BINARY_DIR}/generated/<input stem>.cc, which defines
# `std::string_view <FUNCTION>()` in <NAMESPACE> (declared in HEADER) returning INPUT's bytes,
# by running cmake/embed_file.cmake at build time, and sets VAR to that source's path for a
# library's SOURCES. INPUT is relative to the calling directory's source dir.
function(muster_embed_file var)
  cmake_parse_arguments(ARG "" "INPUT;HEADER;NAMESPACE;FUNCTION;COMMENT" "" ${ARGN})
  foreach(arg INPUT HEADER NAMESPACE FUNCTION)
    if(NOT ARG_${arg})
      message(FATAL_ERROR "muster_embed_file: ${arg} is required")
    endif()
  endforeach()
  if(NOT ARG_COMMENT)
    set(ARG_COMMENT "Embedding ${ARG_INPUT}")
  endif()
  get_filename_component(input ${ARG_INPUT} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
  get_filename_component(stem ${ARG_INPUT} NAME_WE)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/generated/${stem}.cc)
  set(script ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND}
      -DINPUT=${input}
      -DOUTPUT=${output}
      -DHEADER=${ARG_HEADER}
      -DNAMESPACE=${ARG_NAMESPACE}
      -DFUNCTION=${ARG_FUNCTION}
      -P ${script}
    DEPENDS ${input} ${script}
    COMMENT "${ARG_COMMENT}"
    VERBATIM)
  set(${var} ${output} PARENT_SCOPE)
endfunction()
