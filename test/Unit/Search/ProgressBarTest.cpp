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
  ProgressBar bar(os, /*terminal=*/true, /*totalUnits=*/10);
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
  ProgressBar bar(os, /*terminal=*/false, 10);
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  bar.update(5, 1000);
  bar.finish();
  EXPECT_EQ(os.str(), "");
}

TEST(ProgressBar, LogLinesAtTheInterval) {
  std::string text;
  llvm::raw_string_ostream os(text);
  ProgressLog log;
  log.label = "search 'x'";
  log.total = 200;
  log.intervalSeconds = 0; // Every update.
  ProgressBar bar(os, /*terminal=*/false, 10, log);
  bar.update(1, 50, 7);
  EXPECT_EQ(os.str().rfind("search 'x': 50 of 200 candidates (25.0%), ", 0), 0u)
      << os.str();
  EXPECT_NE(os.str().find("/s, 7 feasible, 0 s\n"), std::string::npos)
      << os.str();
  bar.finish(); // Nothing to erase.
  EXPECT_EQ(os.str().back(), '\n');

  // A lower bound is not a total.
  text.clear();
  log.exactTotal = false;
  ProgressBar unknown(os, false, 10, log);
  unknown.update(1, 50, 7);
  EXPECT_EQ(os.str().rfind("search 'x': 50 candidates, ", 0), 0u) << os.str();
}

TEST(ProgressBar, NoLogLineBeforeTheInterval) {
  std::string text;
  llvm::raw_string_ostream os(text);
  ProgressLog log;
  log.total = 200;
  log.intervalSeconds = 3600;
  ProgressBar bar(os, /*terminal=*/false, 10, log);
  bar.update(5, 100, 1);
  bar.finish();
  EXPECT_EQ(os.str(), "");
  ProgressBar none(os, false, 10, ProgressBar::noLog());
  none.update(5, 100, 1);
  EXPECT_EQ(os.str(), "");
}

} // namespace
