//===- HumanFormat.h - Calculon's human-readable number format ------------===//
//
// Calculon prints sizes and rates as "7.325 GiB" or "32.702 GB/s": divide by
// the base while the value is >= base, 3 decimals, then a unit label
// (docs/calculon-model.md §10.3).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_HUMANFORMAT_H
#define CALC_EVAL_COST_HUMANFORMAT_H

#include <string>

namespace calc::cost {

/// Bytes in base 1024 with suffix "iB": "7.325 GiB", zero is "0.000 iB".
std::string humanBytes(double bytes);
/// Generic form: value in `base` (1000 or 1024), labels '', k, M, G, T, P, E,
/// then `suffix` ("B/s", "iB", "" ...). `suffix` empty gives "1.008 T".
std::string humanFormat(double value, double base, const char *suffix);

} // namespace calc::cost

#endif
