//===- HumanFormat.cpp - Calculon's human-readable number format ----------===//
#include "eval/cost/HumanFormat.h"

#include <cstdio>

std::string calc::cost::humanFormat(double value, double base,
                                    const char *suffix) {
  static const char *const labels[] = {"", "k", "M", "G", "T", "P", "E"};
  unsigned index = 0;
  while (value >= base && index + 1 < sizeof(labels) / sizeof(labels[0])) {
    value /= base;
    ++index;
  }
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.3f %s%s", value, labels[index],
                suffix);
  return buffer;
}

std::string calc::cost::humanBytes(double bytes) {
  return humanFormat(bytes, 1024, "iB");
}
