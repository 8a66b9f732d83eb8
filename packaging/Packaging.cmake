# `cpack -G DEB` in the build folder makes a Debian package: both programs, the default models and
# demo data, a .desktop entry, the icon (SVG and PNG sizes), AppStream metainfo and man pages.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/resources/models ${CMAKE_SOURCE_DIR}/resources/demo
        DESTINATION ${CMAKE_INSTALL_DATADIR}/delineo
        PATTERN "workspace.*" EXCLUDE PATTERN "masks" EXCLUDE)
install(FILES ${CMAKE_SOURCE_DIR}/docs/USER_GUIDE.md DESTINATION ${CMAKE_INSTALL_DATADIR}/delineo/docs)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/screenshots DESTINATION ${CMAKE_INSTALL_DATADIR}/delineo/docs)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/delineo.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.delineo.Delineo.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/delineo.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 48 128 256)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/delineo-${size}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME delineo.png)
endforeach()

# Man pages generated from each program's --help (help2man), so they cannot drift from it.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(_man ${CMAKE_BINARY_DIR}/man)
  add_custom_command(OUTPUT ${_man}/delineo-cli.1
    COMMAND ${CMAKE_COMMAND} -E make_directory ${_man}
    COMMAND ${HELP2MAN} -N --no-discard-stderr -n "segment, train, evaluate and manage Delineo workspaces from the command line"
            -o ${_man}/delineo-cli.1 $<TARGET_FILE:delineo-cli>
    DEPENDS delineo-cli VERBATIM)
  set(_pages ${_man}/delineo-cli.1)
  if(TARGET delineo)
    add_custom_command(OUTPUT ${_man}/delineo.1
      COMMAND ${CMAKE_COMMAND} -E make_directory ${_man}
      COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
              ${HELP2MAN} -N --no-discard-stderr -n "review, correct and retrain medical image segmentations"
              -o ${_man}/delineo.1 $<TARGET_FILE:delineo>
      DEPENDS delineo VERBATIM)
    list(APPEND _pages ${_man}/delineo.1)
  endif()
  add_custom_target(man ALL DEPENDS ${_pages})
  install(FILES ${_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

set(CPACK_PACKAGE_NAME delineo)
set(CPACK_PACKAGE_VENDOR "Delineo")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Medical image segmentation: review, correct and retrain")
set(CPACK_PACKAGE_CONTACT "Delineo maintainers <delineo@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Runtime Qt plugins and the SQLite driver are loaded at run time, so shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, fonts-dejavu-core")
# Qt's own dialog texts (file chooser, message box buttons) in the interface language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
