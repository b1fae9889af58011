//===- TempFiles.h - Temporary files removed when a signal ends calcc -----===//
//
// Outputs are written to a temporary next to the destination and renamed
// over it (AtomicFile.h, StreamFile.h). A signal that ends the process
// (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE) must not leave the temporary
// behind: a long `lae` writes hundreds of megabytes into it. The handler can
// only do async-signal-safe work, so the temporaries are kept in a fixed
// table of path buffers with an atomic state each; the handler unlinks the
// live ones, erases a progress line drawn on stderr, restores the default
// action and raises the signal again, so the exit status is the conventional
// one (128 + signal number in a shell). A signal ignored when calcc started
// (`nohup`, a background job's SIGINT) stays ignored.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_TEMPFILES_H
#define CALC_EVAL_OUTPUT_TEMPFILES_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"

#include <system_error>

namespace calc::eval {

/// Installs the handlers once; later calls do nothing. main() calls it
/// before anything is written.
void installSignalCleanup();

/// Creates a new file named after \p model (each '%' a random hex digit,
/// as llvm::sys::fs::createUniqueFile), registered for removal on a signal
/// before it exists, so no instant leaves it unregistered. Sets \p fd, \p
/// path and \p slot (for unregisterTempFile; -1 if the table was full and
/// the file is not protected).
std::error_code createTempFile(const llvm::Twine &model, int &fd,
                               llvm::SmallVectorImpl<char> &path, int &slot);

/// Adds \p path to the table: its slot, or -1 when the table is full or the
/// path too long (the file is then not removed on a signal).
int registerTempFile(llvm::StringRef path);

/// Forgets \p slot (after the file was renamed or removed); -1 is ignored.
void unregisterTempFile(int slot);

/// The number of live entries (for tests).
unsigned numRegisteredTempFiles();

/// Says whether a line is being redrawn in place on stderr (a progress
/// bar), which the handler then erases before the shell's prompt.
void setStderrLineInUse(bool inUse);

} // namespace calc::eval

#endif
