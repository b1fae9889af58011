# Finds calcc's dependencies, all from Debian 12 packages (tools/bootstrap.sh).
# Comments say why a line is written as it is; each fact was checked on those packages.

find_package(LLVM 14 REQUIRED CONFIG HINTS /usr/lib/llvm-14/lib/cmake/llvm)
# Only the include dirs and definitions: llvm-config's flags would add -fno-exceptions,
# which ANTLR cannot live with. (Debian's LLVM 14 is built with RTTI, so RTTI code that
# uses LLVM classes links; its exceptions are off, so none may cross an LLVM frame.)
add_library(calc_llvm INTERFACE)
target_include_directories(calc_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
separate_arguments(CALC_LLVM_DEFS NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(calc_llvm INTERFACE ${CALC_LLVM_DEFS})
llvm_map_components_to_libnames(CALC_LLVM_LIBS support)
target_link_libraries(calc_llvm INTERFACE ${CALC_LLVM_LIBS})

find_package(fmt 9 REQUIRED CONFIG)

# ANTLR: Debian's tool 4.7.2 generates code for Debian's runtime 4.9 (same ATN v3).
find_package(antlr4-runtime 4.9...<4.10 REQUIRED CONFIG)
find_program(ANTLR4_TOOL antlr4 REQUIRED)
add_library(calc_antlr_runtime INTERFACE)
# antlr4-runtime.h includes misc/InterpreterDataReader.h, whose InterpreterData default-
# constructs a Vocabulary with const std::vector members: clang (the fuzz preset,
# clang-tidy) rejects that with libstdc++, gcc accepts it. calcc never uses the
# interpreter data, so the umbrella header is copied without that one include into a
# directory searched first; every other runtime header is still found in its own.
file(READ ${ANTLR4_INCLUDE_DIR}/antlr4-runtime.h calc_antlr_umbrella)
string(REPLACE "#include \"misc/InterpreterDataReader.h\"" "" calc_antlr_umbrella
       "${calc_antlr_umbrella}")
file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/antlr-umbrella/antlr4-runtime.h
     CONTENT "${calc_antlr_umbrella}" @ONLY)
target_include_directories(calc_antlr_runtime SYSTEM INTERFACE ${CMAKE_BINARY_DIR}/antlr-umbrella
  ${ANTLR4_INCLUDE_DIR})
target_link_libraries(calc_antlr_runtime INTERFACE antlr4_static)

find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)
find_package(GTest REQUIRED)
# MPI (Debian's Open MPI: libopenmpi-dev, openmpi-bin) for `mpirun -n N calcc ...`; only the
# calcc binary links it (eval/search/mpi/). -DCALC_WITH_MPI=OFF builds without it.
if(CALC_WITH_MPI)
  find_package(MPI REQUIRED COMPONENTS C)
endif()
if(CALC_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()

find_package(Python3 REQUIRED COMPONENTS Interpreter)
find_program(LIT_COMMAND lit.py HINTS ${LLVM_TOOLS_BINARY_DIR}/../build/utils/lit NO_DEFAULT_PATH REQUIRED)
find_program(FILECHECK_COMMAND FileCheck HINTS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH REQUIRED)
