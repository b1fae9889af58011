//===- ChunkRunner.cpp - Parallel chunks, results in enumeration order ----===//
#include "eval/search/ChunkRunner.h"

#include "llvm/Support/Threading.h"

unsigned calc::search::resolveThreadCount(unsigned requested) {
  if (requested > 0)
    return requested;
  // Calculon defaults to the physical cores; so do we.
  unsigned cores = llvm::heavyweight_hardware_concurrency().compute_thread_count();
  return cores ? cores : 1;
}
