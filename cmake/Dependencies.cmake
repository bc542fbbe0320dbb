# Every third-party dependency comes from a Debian 12 -dev package (scripts/install-deps.sh).
find_package(Threads REQUIRED)
find_package(CURL REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(pugixml REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(ZLIB REQUIRED)
if(BUILD_TESTING)
  find_package(GTest REQUIRED)
endif()

# yaml-cpp 0.7 in Debian exports the target `yaml-cpp`; give it one stable name.
if(NOT TARGET hopper::yaml)
  add_library(hopper::yaml INTERFACE IMPORTED)
  target_link_libraries(hopper::yaml INTERFACE yaml-cpp)
endif()

