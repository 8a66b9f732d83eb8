# `cpack -G DEB` in the build folder makes a Debian package.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/resources/models ${CMAKE_SOURCE_DIR}/resources/demo
        DESTINATION ${CMAKE_INSTALL_DATADIR}/delineo)
set(CPACK_PACKAGE_NAME delineo)
set(CPACK_PACKAGE_VENDOR "Delineo")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Medical image segmentation: review, correct and retrain")
set(CPACK_PACKAGE_CONTACT "Delineo maintainers")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Runtime Qt plugins are not found by shlibdeps.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, fonts-dejavu-core")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
