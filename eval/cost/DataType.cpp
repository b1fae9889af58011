//===- DataType.cpp - Datatype names
//---------------------------------------===//
#include "eval/cost/System.h"

const char *calc::cost::dataTypeName(DataType t) {
  static const char *const names[NumDataTypes] = {"float8", "float16",
                                                  "bfloat16", "float32"};
  return names[static_cast<unsigned>(t)];
}
