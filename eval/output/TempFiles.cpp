//===- TempFiles.cpp - The signal handler and its table of temporaries ----===//
#include "eval/output/TempFiles.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>
#include <unistd.h>

using namespace llvm;

namespace {

/// Temporaries alive at once: one per output being written (a run writes
/// them one after another; `llm` writes two). Far more than needed.
constexpr unsigned MaxTempFiles = 32;
constexpr size_t MaxPathBytes = 4096;

/// A slot's life: Free → Claimed (path being copied) → Live → Free, or
/// Live → Removing in the handler (the process is then ending).
enum SlotState : int { Free, Claimed, Live, Removing };

std::atomic<int> slotState[MaxTempFiles];
char slotPath[MaxTempFiles][MaxPathBytes];
std::atomic<bool> stderrLineInUse{false};
/// What ProgressBar::finish writes: '\r', the line's width in spaces, '\r'.
char eraseLine[81];

const int cleanupSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};

static_assert(std::atomic<int>::is_always_lock_free &&
                  std::atomic<bool>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

extern "C" void removeTempFilesAndDie(int sig) {
  int savedErrno = errno;
  for (unsigned i = 0; i < MaxTempFiles; ++i) {
    int expected = Live;
    if (slotState[i].compare_exchange_strong(expected, Removing))
      ::unlink(slotPath[i]);
  }
  if (stderrLineInUse.load()) {
    ssize_t ignored = ::write(STDERR_FILENO, eraseLine, sizeof(eraseLine));
    (void)ignored;
  }
  // The default action, delivered when this handler returns (the signal is
  // blocked while it runs): the process ends as if never caught.
  struct sigaction dfl = {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  ::sigaction(sig, &dfl, nullptr);
  ::raise(sig);
  errno = savedErrno;
}

} // namespace

void calc::eval::installSignalCleanup() {
  static std::atomic<bool> installed{false};
  if (installed.exchange(true))
    return;
  std::memset(eraseLine, ' ', sizeof(eraseLine));
  eraseLine[0] = eraseLine[sizeof(eraseLine) - 1] = '\r';
  for (int sig : cleanupSignals) {
    struct sigaction old = {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN)
      continue;
    struct sigaction action = {};
    action.sa_handler = removeTempFilesAndDie;
    sigemptyset(&action.sa_mask);
    // The other cleanup signals wait while one is handled.
    for (int other : cleanupSignals)
      sigaddset(&action.sa_mask, other);
    ::sigaction(sig, &action, nullptr);
  }
}

int calc::eval::registerTempFile(StringRef path) {
  if (path.size() >= MaxPathBytes)
    return -1;
  for (unsigned i = 0; i < MaxTempFiles; ++i) {
    int expected = Free;
    if (!slotState[i].compare_exchange_strong(expected, Claimed))
      continue;
    std::memcpy(slotPath[i], path.data(), path.size());
    slotPath[i][path.size()] = '\0';
    slotState[i].store(Live);
    return int(i);
  }
  return -1;
}

void calc::eval::unregisterTempFile(int slot) {
  if (slot < 0 || unsigned(slot) >= MaxTempFiles)
    return;
  int expected = Live;
  // Removing: the handler is unlinking it and the process is ending; wait
  // for that rather than let the path be reused under it.
  while (!slotState[slot].compare_exchange_weak(expected, Free)) {
    if (expected != Live && expected != Removing)
      return; // Not registered: nothing to forget.
    expected = Live;
    std::this_thread::yield();
  }
}

unsigned calc::eval::numRegisteredTempFiles() {
  unsigned n = 0;
  for (const std::atomic<int> &s : slotState)
    n += s.load() == Live;
  return n;
}

void calc::eval::setStderrLineInUse(bool inUse) { stderrLineInUse = inUse; }

std::error_code calc::eval::createTempFile(const Twine &model, int &fd,
                                           SmallVectorImpl<char> &path,
                                           int &slot) {
  // Registered first, then created exclusively: a signal in between unlinks
  // a name that does not exist yet, which is harmless.
  std::error_code ec;
  for (unsigned attempt = 0; attempt < 128; ++attempt) {
    sys::fs::createUniquePath(model, path, /*MakeAbsolute=*/false);
    StringRef name(path.data(), path.size());
    slot = registerTempFile(name);
    ec = sys::fs::openFileForWrite(name, fd, sys::fs::CD_CreateNew);
    if (!ec)
      return ec;
    unregisterTempFile(slot);
    slot = -1;
    if (ec != std::errc::file_exists)
      return ec;
  }
  return ec;
}
