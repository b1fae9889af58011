//===- TerminalWidth.cpp - How wide stdout's terminal is ------------------===//
#include "tools/driver/TerminalWidth.h"

#include "llvm/Support/Process.h"

#include <cstdlib>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/ioctl.h>
#include <unistd.h>
#endif

namespace calc::driver {

unsigned terminalColumns() {
  if (!llvm::sys::Process::StandardOutIsDisplayed())
    return 0;
  if (const char *columns = std::getenv("COLUMNS")) {
    char *end = nullptr;
    long n = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && n > 0 && n < 100000)
      return unsigned(n);
  }
#if defined(TIOCGWINSZ)
  struct winsize size;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
#endif
  return 0;
}

} // namespace calc::driver
