//===- TerminalWidth.h - How wide stdout's terminal is --------------------===//
//
// `output table` lays a table out vertically when it would not fit the
// terminal (docs/units-and-output.md, Layout). Only the driver asks: the
// evaluator gets a number, so a run is the same bytes whatever the
// environment when stdout is not a terminal.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TOOLS_DRIVER_TERMINALWIDTH_H
#define CALC_TOOLS_DRIVER_TERMINALWIDTH_H

namespace calc::driver {

/// When stdout is a terminal: COLUMNS if it is a positive number, else the
/// terminal's width (TIOCGWINSZ), else 0. Always 0 when stdout is not a
/// terminal.
unsigned terminalColumns();

} // namespace calc::driver

#endif
