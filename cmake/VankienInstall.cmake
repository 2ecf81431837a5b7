# Installs the library, its headers, data files, CMake package and pkg-config
# file, so portals can `find_package(vankien)` or `pkg-config --libs vankien`.
include(CMakePackageConfigHelpers)

set(VANKIEN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/vankien)

install(TARGETS vankien EXPORT vankienTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/vankien DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/vankien/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/vankien)

install(DIRECTORY data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/vankien FILES_MATCHING PATTERN "*.tsv")

install(EXPORT vankienTargets NAMESPACE vankien:: DESTINATION ${VANKIEN_CMAKE_DIR})
configure_package_config_file(cmake/vankienConfig.cmake.in
  ${PROJECT_BINARY_DIR}/vankienConfig.cmake INSTALL_DESTINATION ${VANKIEN_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/vankienConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/vankienConfig.cmake
              ${PROJECT_BINARY_DIR}/vankienConfigVersion.cmake
  DESTINATION ${VANKIEN_CMAKE_DIR})

# The .pc file finds its prefix relative to itself, so the install can move.
file(RELATIVE_PATH VANKIEN_PC_TO_PREFIX
  /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(cmake/vankien.pc.in ${PROJECT_BINARY_DIR}/vankien.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/vankien.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
