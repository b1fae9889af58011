//===- MpiTransport.h - A search's ranks over MPI
//--------------------------===//
//
// SearchTransport (eval/search/SearchTransport.h) on MPI's world
// communicator, for `mpirun -n N calcc …`. Only the calcc binary links this
// library (calc_search_mpi); the engine knows the interface alone. MPI is
// started only when a launcher's environment is present, so calcc without
// mpirun never initializes MPI.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_MPI_MPITRANSPORT_H
#define CALC_EVAL_SEARCH_MPI_MPITRANSPORT_H

#include "eval/search/SearchTransport.h"

#include <memory>
#include <string>

namespace calc::search {

/// True when the process was started by an MPI launcher (mpirun, srun):
/// Open MPI's OMPI_COMM_WORLD_SIZE, or PMI/PMIx variables.
bool launchedByMpi();

/// Initializes MPI (threads: serialized calls) and returns the transport of
/// MPI_COMM_WORLD, or null with \p error set.
std::unique_ptr<SearchTransport> startMpiTransport(int &argc, char **&argv,
                                                   std::string &error);

/// Ends MPI after the command (the transport destroyed) and returns
/// \p exitCode. A failing rank waits up to 10 s for the others to end too
/// (the same input error); if they do not (it failed alone, and they wait
/// for it in a search), it ends the job with MPI_Abort and that status.
int finishMpi(int exitCode);

} // namespace calc::search

#endif
