# calc_add_library(NAME DIR [LINK libs...] [PRIVATE_LINK libs...] [EXTRA_DIRS dirs...]):
# a static library of every .cpp in DIR and in each EXTRA_DIRS (non-recursive). One
# concept per file means files come and go often; globbing with CONFIGURE_DEPENDS
# keeps the CMake lists from being edited for each one.
function(calc_add_library name dir)
  cmake_parse_arguments(ARG "" "" "LINK;PRIVATE_LINK;EXTRA_DIRS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${dir}/*.cpp)
  foreach(extra ${ARG_EXTRA_DIRS})
    file(GLOB extra_sources CONFIGURE_DEPENDS ${extra}/*.cpp)
    list(APPEND sources ${extra_sources})
  endforeach()
  if(sources)
    add_library(${name} STATIC ${sources})
    target_link_libraries(${name} PUBLIC ${ARG_LINK} PRIVATE ${ARG_PRIVATE_LINK})
  else()
    add_library(${name} INTERFACE)
    target_link_libraries(${name} INTERFACE ${ARG_LINK})
  endif()
endfunction()
