# hopper_add_module(NAME DEPENDS <hopper modules> LIBS <third-party targets>)
#
# One static library per folder under src/ (hopper_<NAME>), made of every .cpp below src/<NAME>/.
# DEPENDS lists the project modules it may use: this is the layering rule, enforced by the link
# graph here and by the `layering` test that reads the same lists from src/CMakeLists.txt.
function(hopper_add_module name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LIBS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/${name}/*.cpp")
  if(sources)
    add_library(hopper_${name} STATIC ${sources})
    target_include_directories(hopper_${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
    target_link_libraries(hopper_${name} PRIVATE hopper_warnings PUBLIC hopper_sanitizers)
    set(scope PUBLIC)
  else()
    # A module that so far has only headers.
    add_library(hopper_${name} INTERFACE)
    target_include_directories(hopper_${name} INTERFACE "${PROJECT_SOURCE_DIR}/src")
    set(scope INTERFACE)
  endif()
  foreach(dep IN LISTS ARG_DEPENDS)
    target_link_libraries(hopper_${name} ${scope} hopper_${dep})
  endforeach()
  if(ARG_LIBS)
    target_link_libraries(hopper_${name} ${scope} ${ARG_LIBS})
  endif()
endfunction()
