//===- ProgressBarTest.cpp - The search progress bar ----------------------===//
//
// The bar is drawn only when enabled and only once a tenth of a second has
// passed (short searches never show it), and finish() erases it.
//
//===----------------------------------------------------------------------===//
#include "eval/search/ProgressBar.h"

#include "gtest/gtest.h"

#include <chrono>
#include <string>
#include <thread>

using namespace calc::search;

namespace {

TEST(ProgressBar, DrawsAfterATenthOfASecondAndErases) {
  std::string text;
  llvm::raw_string_ostream os(text);
  ProgressBar bar(os, /*enabled=*/true, /*totalUnits=*/10);
  bar.update(1, 100); // Too early: nothing.
  EXPECT_EQ(os.str(), "");
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  bar.update(5, 1000);
  EXPECT_EQ(os.str().rfind("\r[###############...............]  50.0% 1000 "
                           "candidates, ",
                           0),
            0u)
      << os.str();
  EXPECT_NE(os.str().find(", ETA "), std::string::npos);
  bar.finish();
  EXPECT_EQ(os.str().substr(os.str().size() - 81),
            "\r" + std::string(79, ' ') + "\r");
}

TEST(ProgressBar, DisabledWritesNothing) {
  std::string text;
  llvm::raw_string_ostream os(text);
  ProgressBar bar(os, /*enabled=*/false, 10);
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  bar.update(5, 1000);
  bar.finish();
  EXPECT_EQ(os.str(), "");
}

} // namespace
