# Run by CTest (samples/CMakeLists.txt): consumes fakeaws the two ways a user
# would, each as a separate CMake project, and runs the sample's tests.
#   MODE=installed: `cmake --install` into a scratch prefix, then
#                   find_package(fakeaws CONFIG REQUIRED) from the samples.
#   MODE=fetchcontent: FetchContent_MakeAvailable on this source tree.
# Inputs: MODE, SOURCE_DIR, BUILD_DIR, WORK_DIR, GENERATOR, CXX_COMPILER,
# SAMPLES (comma-separated directories under samples/), and optionally
# EXTRA_PREFIX_PATH (where aws-sdk-cpp is installed, for samples/aws_sdk).
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}")
  endif()
endfunction()

string(REPLACE "," ";" SAMPLES "${SAMPLES}")
file(REMOVE_RECURSE "${WORK_DIR}")
set(configure_args -G "${GENERATOR}" -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_BUILD_TYPE=RelWithDebInfo)

if(EXTRA_PREFIX_PATH)
  set(ENV{CMAKE_PREFIX_PATH} "${EXTRA_PREFIX_PATH}")  # searched by every find_package below
endif()

if(MODE STREQUAL "installed")
  run("cmake --install" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix")
  foreach(sample IN LISTS SAMPLES)
    set(dir "${WORK_DIR}/${sample}")
    run("configuring ${sample}" ${CMAKE_COMMAND} -S "${SOURCE_DIR}/samples/${sample}" -B "${dir}"
        ${configure_args} "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix")
    run("building ${sample}" ${CMAKE_COMMAND} --build "${dir}" -j2)
    run("testing ${sample}" ${CMAKE_CTEST_COMMAND} --test-dir "${dir}" --output-on-failure)
  endforeach()
elseif(MODE STREQUAL "fetchcontent")
  set(project "${WORK_DIR}/consumer")
  file(MAKE_DIRECTORY "${project}")
  string(REPLACE ";" " " sample_list "${SAMPLES}")
  file(WRITE "${project}/CMakeLists.txt" "
cmake_minimum_required(VERSION 3.25)
project(fakeaws_fetchcontent_consumer LANGUAGES CXX)
include(FetchContent)
# A real project names a GIT_REPOSITORY/GIT_TAG or URL here.
FetchContent_Declare(fakeaws SOURCE_DIR \"${SOURCE_DIR}\")
FetchContent_MakeAvailable(fakeaws)
enable_testing()
foreach(sample ${sample_list})
  add_subdirectory(\"${SOURCE_DIR}/samples/\${sample}\" \${sample})
endforeach()
")
  # Unity batches: this checks how the tree is consumed, not how fast its code
  # runs, and they halve the library's compile time (the suite's longest test).
  run("configuring the FetchContent consumer" ${CMAKE_COMMAND} -S "${project}" -B "${project}/build" ${configure_args}
      -DFAKEAWS_UNITY_BUILD=ON)
  # Only the samples' targets: fakeaws-server and anything else unused stay unbuilt.
  set(targets)
  foreach(sample IN LISTS SAMPLES)
    list(APPEND targets --target sample_${sample}_test)
  endforeach()
  run("building the FetchContent consumer" ${CMAKE_COMMAND} --build "${project}/build" -j2 ${targets})
  run("testing the FetchContent consumer" ${CMAKE_CTEST_COMMAND} --test-dir "${project}/build" --output-on-failure)
else()
  message(FATAL_ERROR "MODE must be installed or fetchcontent")
endif()
