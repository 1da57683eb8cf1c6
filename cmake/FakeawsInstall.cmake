# `cmake --install` lays fakeaws out as a CMake package:
#   find_package(fakeaws CONFIG REQUIRED [COMPONENTS listener matchers aws_sdk])
# gives fakeaws::fake, and fakeaws::listener / fakeaws::matchers /
# fakeaws::aws_sdk when they were built. Each target sits in its own export
# set, so a consumer of fakeaws::fake alone needs neither cpp-httplib,
# GoogleTest nor aws-sdk-cpp.
include(CMakePackageConfigHelpers)

set(FAKEAWS_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/fakeaws"
    CACHE STRING "Where fakeaws's CMake package files go, relative to the prefix")

install(TARGETS fakeaws_fake EXPORT fakeaws-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
if(TARGET fakeaws_aws_sdk)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/fake/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
else()
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/fake/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
    PATTERN aws_sdk.h EXCLUDE)
endif()
install(EXPORT fakeaws-targets NAMESPACE fakeaws:: DESTINATION ${FAKEAWS_INSTALL_CMAKEDIR})

if(TARGET fakeaws_listener)
  install(TARGETS fakeaws_listener EXPORT fakeaws-listener-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(EXPORT fakeaws-listener-targets NAMESPACE fakeaws:: DESTINATION ${FAKEAWS_INSTALL_CMAKEDIR})
endif()
if(TARGET fakeaws-server)
  install(TARGETS fakeaws-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

if(TARGET fakeaws_aws_sdk)
  install(TARGETS fakeaws_aws_sdk EXPORT fakeaws-aws_sdk-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(EXPORT fakeaws-aws_sdk-targets NAMESPACE fakeaws:: DESTINATION ${FAKEAWS_INSTALL_CMAKEDIR})
endif()

if(TARGET fakeaws_matchers)
  install(TARGETS fakeaws_matchers EXPORT fakeaws-matchers-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/matchers/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(EXPORT fakeaws-matchers-targets NAMESPACE fakeaws:: DESTINATION ${FAKEAWS_INSTALL_CMAKEDIR})
endif()

configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/fakeawsConfig.cmake.in
  ${PROJECT_BINARY_DIR}/fakeawsConfig.cmake
  INSTALL_DESTINATION ${FAKEAWS_INSTALL_CMAKEDIR})
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/fakeawsConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/fakeawsConfig.cmake
  ${PROJECT_BINARY_DIR}/fakeawsConfigVersion.cmake
  DESTINATION ${FAKEAWS_INSTALL_CMAKEDIR})
