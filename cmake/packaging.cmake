# The Debian package (`cpack -G DEB` in the build directory): the command, its data files and page,
# a man page made by help2man from the command's own --help, and bash completion. Only the runtime
# component goes in; the static libraries, headers and CMake package stay for `cmake --install`.

# Man page: help2man runs the built command's --help-all (Chinese, every subcommand); the NAME line
# and SEE ALSO come from cli/jixiao.h2m (given on the command line, help2man would mangle the UTF-8).
find_program(HELP2MAN help2man)
if(HELP2MAN)
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/man/jixiao.1.gz
                     COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
                     COMMAND ${HELP2MAN} --locale=C.UTF-8 --no-info --no-discard-stderr --section=1
                             --help-option=--help-all --include=${CMAKE_SOURCE_DIR}/cli/jixiao.h2m
                             --output=${CMAKE_BINARY_DIR}/man/jixiao.1 $<TARGET_FILE:jixiao>
                     COMMAND gzip -9nf ${CMAKE_BINARY_DIR}/man/jixiao.1
                     DEPENDS jixiao jixiao_data ${CMAKE_SOURCE_DIR}/cli/jixiao.h2m
                     COMMENT "help2man: man/jixiao.1.gz" VERBATIM)
  add_custom_target(jixiao_man ALL DEPENDS ${CMAKE_BINARY_DIR}/man/jixiao.1.gz)
  install(FILES ${CMAKE_BINARY_DIR}/man/jixiao.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
else()
  message(STATUS "help2man not found: no man page (apt-get install help2man)")
endif()
install(FILES cli/completion/jixiao.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME jixiao COMPONENT runtime)

set(CPACK_PACKAGE_NAME jixiao)
set(CPACK_PACKAGE_VENDOR "jixiao")
set(CPACK_PACKAGE_CONTACT "jixiao <jixiao@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "预算绩效自评表与部门决算表的读取、核算、核对与出具工具")
set(CPACK_PACKAGE_DESCRIPTION "jixiao reads Chinese budget performance self-evaluation forms and department final-accounts tables (.xlsx/.xls), recomputes them, checks them against the reconciliation rules, and writes annotated copies, summaries and reports; `jixiao serve` is a local web page for a batch.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # the debug information of a RelWithDebInfo build stays in the build tree
set(CPACK_COMPONENTS_ALL runtime)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME jixiao)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/")
# Depends from the binary's own shared libraries (dpkg-shlibdeps, Debian's dpkg-dev) when it is there;
# otherwise the Debian 12 names of the same libraries.
find_program(DPKG_SHLIBDEPS dpkg-shlibdeps)
if(DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6 (>= 2.36), libstdc++6 (>= 12), libgcc-s1, libzip4 (>= 1.7.3), libpugixml1v5 (>= 1.13), libicu72, libpoppler-cpp0v5 (>= 22.08), libssl3 (>= 3.0), libcpp-httplib0.11")
endif()
include(CPack)
