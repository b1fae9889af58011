//===- WritersTest.cpp - Byte-exact text, CSV and JSON output -------------===//
#include "eval/output/CsvWriter.h"
#include "eval/output/ResultJson.h"
#include "eval/output/TextTableWriter.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace calc;
using namespace calc::eval;
using ir::Dimension;

namespace {

const Dimension B = Dimension::byteDim(), S = Dimension::secondDim();

/// A small search result: rank, a domain, a bandwidth, a time, a memory
/// size shown as GiB, a rate shown as sample/s, a string and a bool.
Table sampleTable() {
  Table t;
  t.addColumn("rank");
  t.addColumn("execution.tensor_par");
  t.addColumn("system.mem1.bandwidth", B / S);
  t.addColumn("total_time", S);
  t.addColumn("mem", B, ir::parseUnit("GiB"));
  t.addColumn("sample_rate", S.inverse(), ir::parseUnit("sample/s"));
  t.addColumn("recompute");
  t.addColumn("offload");
  t.addRow({Cell::integer(1), Cell::integer(8), Cell::real(2e12),
            Cell::real(131.9), Cell::integer(int64_t(80) << 30),
            Cell::real(23.2912), Cell::string("full"), Cell::boolean(true)});
  t.addRow({Cell::integer(2), Cell::integer(16), Cell::real(1.5e12),
            Cell::real(0.25), Cell::real(77.47 * (1 << 30)), Cell::null(),
            Cell::string("attn_only"), Cell::boolean(false)});
  return t;
}

std::string text(const Table &t, unsigned precision = 4) {
  std::string out;
  llvm::raw_string_ostream os(out);
  writeTextTable(t, os, {precision});
  return os.str();
}

TEST(TextTableTest, AlignedWithUnitsInHeaders) {
  EXPECT_EQ(
      text(sampleTable()),
      "rank  execution.tensor_par  system.mem1.bandwidth [TB/s]  "
      "total_time [s]  mem [GiB]  sample_rate [sample/s]  recompute  offload\n"
      "----  --------------------  ----------------------------  "
      "--------------  ---------  ----------------------  ---------  -------\n"
      "   1                     8                             2  "
      "         131.9         80                   23.29  full       true\n"
      "   2                    16                           1.5  "
      "          0.25      77.47                       -  attn_only  false\n");
}

TEST(TextTableTest, PrecisionAndEmptyTables) {
  Table t;
  t.addColumn("x");
  t.addRow({Cell::real(M_PI)});
  EXPECT_EQ(text(t, 2), "  x\n---\n3.1\n"); // Numeric: right-aligned.
  EXPECT_EQ(text(t, 6), "      x\n-------\n3.14159\n");
  Table noRows;
  noRows.addColumn("latency", S);
  EXPECT_EQ(text(noRows), "latency [s]\n-----------\n");
  EXPECT_EQ(text(Table()), "");
}

TEST(TextTableTest, ColumnUnitFollowsLargestValue) {
  Table t;
  t.addColumn("lat", S);
  t.addRow({Cell::real(10e-6)});
  t.addRow({Cell::real(2.5e-3)});
  EXPECT_EQ(columnDisplayUnit(t, 0).text, "ms");
  EXPECT_EQ(text(t), "lat [ms]\n--------\n    0.01\n     2.5\n");
}

TEST(TextTableTest, RecordLayout) {
  std::string out;
  llvm::raw_string_ostream os(out);
  writeTextRecord(sampleTable(), 1, os);
  EXPECT_EQ(os.str(), "rank                       2\n"
                      "execution.tensor_par      16\n"
                      "system.mem1.bandwidth    1.5 TB/s\n"
                      "total_time               250 ms\n"
                      "mem                    77.47 GiB\n"
                      "sample_rate            -\n"
                      "recompute              attn_only\n"
                      "offload                false\n");
}

TEST(TextTableTest, RecordsGroupedByWhatTheyMeasure) {
  // One result record: lines grouped time, memory, efficiency, rate, …,
  // each group in column order; names and numbers aligned across groups.
  Table t;
  t.addColumn("block_fw_mem_accessed", B);
  t.addColumn("fw_time", S);
  t.addColumn("total_efficiency");
  t.addColumn("sample_rate", S.inverse(), ir::parseUnit("sample/s"));
  t.addColumn("total_time", S);
  t.addColumn("total_params");
  t.addColumn("recompute");
  t.addRow({Cell::real(22617989120), Cell::real(15.48), Cell::real(0.3046),
            Cell::real(23.29), Cell::real(131.9), Cell::integer(1008038707200),
            Cell::string("full")});
  std::string out;
  llvm::raw_string_ostream os(out);
  TextTableOptions options;
  options.groups = true;
  writeTextRecords(t, os, options, /*rankHeadings=*/false);
  EXPECT_EQ(os.str(), "time\n"
                      "  fw_time                        15.48 s\n"
                      "  total_time                     131.9 s\n"
                      "memory\n"
                      "  block_fw_mem_accessed          21.06 GiB\n"
                      "efficiency\n"
                      "  total_efficiency              0.3046\n"
                      "rate\n"
                      "  sample_rate                    23.29 sample/s\n"
                      "count\n"
                      "  total_params           1008038707200\n"
                      "other\n"
                      "  recompute              full\n");
}

TEST(TextTableTest, RecordsOfASearchHeadedByRank) {
  // Every row vertically, each under "rank N"; a column keeps one unit.
  std::string out;
  llvm::raw_string_ostream os(out);
  writeTextRecords(sampleTable(), os, {}, /*rankHeadings=*/true);
  EXPECT_EQ(os.str(), "rank 1\n"
                      "  execution.tensor_par       8\n"
                      "  system.mem1.bandwidth      2 TB/s\n"
                      "  total_time             131.9 s\n"
                      "  mem                       80 GiB\n"
                      "  sample_rate            23.29 sample/s\n"
                      "  recompute              full\n"
                      "  offload                true\n"
                      "rank 2\n"
                      "  execution.tensor_par      16\n"
                      "  system.mem1.bandwidth    1.5 TB/s\n"
                      "  total_time              0.25 s\n"
                      "  mem                    77.47 GiB\n"
                      "  sample_rate            -\n"
                      "  recompute              attn_only\n"
                      "  offload                false\n");
}

TEST(TextTableTest, TransposedOneColumnPerRank) {
  std::string out;
  llvm::raw_string_ostream os(out);
  writeTextTransposed(sampleTable(), os);
  EXPECT_EQ(os.str(), "rank                              1          2\n"
                      "----------------------------  -----  ---------\n"
                      "execution.tensor_par              8         16\n"
                      "system.mem1.bandwidth [TB/s]      2        1.5\n"
                      "total_time [s]                131.9       0.25\n"
                      "mem [GiB]                        80      77.47\n"
                      "sample_rate [sample/s]        23.29          -\n"
                      "recompute                     full   attn_only\n"
                      "offload                       true   false\n");
  EXPECT_EQ(textTransposedWidth(sampleTable()), 46u);
}

TEST(TextTableTest, WidthIsTheWidestLine) {
  EXPECT_EQ(textTableWidth(sampleTable()),
            std::string("rank  execution.tensor_par  system.mem1.bandwidth "
                        "[TB/s]  total_time [s]  mem [GiB]  sample_rate "
                        "[sample/s]  recompute  offload")
                .size());
  EXPECT_EQ(textTableWidth(Table()), 0u);
}

TEST(TextTableTest, ListColumnsShowNoHeaderUnit) {
  // A step table's keys carry their dimension (for CSV), but its cells show
  // their own units: the header has none.
  Table t;
  t.addColumn("efficiency", B);
  t.addRow({Cell::string("steps { 1 MB: 0.6, 0 MB: 0.3 }",
                         "[[1000000, 0.6], [0, 0.3]]")});
  EXPECT_EQ(text(t), "efficiency\n"
                     "------------------------------\n"
                     "steps { 1 MB: 0.6, 0 MB: 0.3 }\n");
  std::string out;
  llvm::raw_string_ostream os(out);
  writeCsv(t, os);
  EXPECT_EQ(os.str(), "efficiency [B]\n\"[[1000000, 0.6], [0, 0.3]]\"\n");
}

TEST(UnitRuleTest, ChosenAndExchangeUnits) {
  auto unit = [](const char *text) {
    llvm::Optional<ir::Unit> u = ir::parseUnit(text);
    EXPECT_TRUE(u.hasValue()) << text;
    return u ? *u : ir::Unit();
  };
  // A written scaled unit, or a name the dimension's display units lack.
  EXPECT_TRUE(ir::isChosenUnit(unit("GiB")));
  EXPECT_TRUE(ir::isChosenUnit(unit("us")));
  EXPECT_TRUE(ir::isChosenUnit(unit("%")));
  EXPECT_TRUE(ir::isChosenUnit(unit("sample/s")));
  EXPECT_TRUE(ir::isChosenUnit(unit("tok/s")));
  // Base spellings choose nothing.
  EXPECT_FALSE(ir::isChosenUnit(unit("B")));
  EXPECT_FALSE(ir::isChosenUnit(unit("s")));
  EXPECT_FALSE(ir::isChosenUnit(unit("FLOPS")));
  // A rate's base spelling is "1/s", which is not a unit a user writes.
  EXPECT_FALSE(
      ir::isChosenUnit(ir::exchangeUnitFor(S.inverse(), ir::Unit())));
  EXPECT_FALSE(ir::isChosenUnit(ir::Unit()));
  // CSV and JSON name a rate as the table does, everything else in base units.
  EXPECT_EQ(ir::exchangeUnitFor(S.inverse(), unit("sample/s")).text,
            "sample/s");
  EXPECT_EQ(ir::exchangeUnitFor(S.inverse(), ir::Unit()).text, "1/s");
  EXPECT_EQ(ir::exchangeUnitFor(B, unit("GiB")).text, "B");
  EXPECT_EQ(ir::exchangeUnitFor(B / S, unit("B/s")).text, "B/s");
  EXPECT_EQ(ir::exchangeUnitFor(Dimension(), unit("%")).text, "");
}

TEST(CsvTest, BaseUnitsAndShortestNumbers) {
  std::string out;
  llvm::raw_string_ostream os(out);
  writeCsv(sampleTable(), os);
  EXPECT_EQ(os.str(),
            "rank,execution.tensor_par,system.mem1.bandwidth [B/s],"
            "total_time [s],mem [B],sample_rate [sample/s],recompute,offload\n"
            "1,8,2000000000000,131.9,85899345920,23.2912,full,true\n"
            "2,16,1500000000000,0.25,83182779105.28,,attn_only,false\n");
}

TEST(CsvTest, Rfc4180Quoting) {
  EXPECT_EQ(csvField("plain"), "plain");
  EXPECT_EQ(csvField("a,b"), "\"a,b\"");
  EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csvField("cr\r"), "\"cr\r\"");
  EXPECT_EQ(csvField(""), "");
  Table t;
  t.addColumn("a,b");
  t.addRow({Cell::string("x\"y")});
  std::string out;
  llvm::raw_string_ostream os(out);
  writeCsv(t, os);
  EXPECT_EQ(os.str(), "\"a,b\"\n\"x\"\"y\"\n");
}

std::string json(const JsonValue &v) {
  std::string out;
  llvm::raw_string_ostream os(out);
  writeJsonDocument(v, os);
  return os.str();
}

TEST(JsonTest, ScalarsAndEscapes) {
  EXPECT_EQ(json(JsonValue::null()), "null\n");
  EXPECT_EQ(json(JsonValue::boolean(false)), "false\n");
  EXPECT_EQ(json(JsonValue::integer(-3072)), "-3072\n");
  EXPECT_EQ(json(JsonValue::real(80.0)), "80\n");
  EXPECT_EQ(json(JsonValue::real(0.1)), "0.1\n");
  EXPECT_EQ(json(JsonValue::real(NAN)), "null\n");
  EXPECT_EQ(json(JsonValue::real(-INFINITY)), "null\n");
  EXPECT_EQ(json(JsonValue::string("a\"b\\c\n\t\x01\xC2\xB5")),
            "\"a\\\"b\\\\c\\n\\t\\u0001\xC2\xB5\"\n");
  EXPECT_EQ(json(JsonValue::array()), "[]\n");
  EXPECT_EQ(json(JsonValue::object()), "{}\n");
}

TEST(JsonTest, ObjectsKeepInsertionOrder) {
  JsonValue o = JsonValue::object();
  o.set("zeta", JsonValue::integer(1));
  o.set("alpha", JsonValue::integer(2));
  o.set("zeta", JsonValue::integer(3)); // Replaced in place.
  JsonValue &list = o.set("list", JsonValue::array());
  list.push(JsonValue::integer(1));
  list.push(JsonValue::object());
  EXPECT_EQ(o.size(), 3u);
  ASSERT_NE(o.get("alpha"), nullptr);
  EXPECT_EQ(o.get("missing"), nullptr);
  EXPECT_EQ(json(o), "{\n"
                     "  \"zeta\": 3,\n"
                     "  \"alpha\": 2,\n"
                     "  \"list\": [\n"
                     "    1,\n"
                     "    {}\n"
                     "  ]\n"
                     "}\n");
}

TEST(ResultJsonTest, RecordsOfASearch) {
  Table t = sampleTable();
  JsonValue doc = JsonValue::array();
  for (size_t r = 0; r < t.numRows(); ++r) {
    JsonValue model = JsonValue::object();
    model.set("name", JsonValue::string("megatron_1t"));
    addQuantityMember(model, "hidden", Cell::integer(25600));
    JsonValue system = JsonValue::object();
    JsonValue &mem1 = system.set("mem1", JsonValue::object());
    addQuantityMember(mem1, "capacity", Cell::integer(int64_t(80) << 30), B);
    JsonValue execution = JsonValue::object();
    addQuantityMember(execution, "datatype", Cell::string("float16"), B);
    std::vector<std::pair<std::string, JsonValue>> inputs;
    inputs.emplace_back("model", std::move(model));
    inputs.emplace_back("system", std::move(system));
    inputs.emplace_back("execution", std::move(execution));
    doc.push(makeResultRecord(r + 1, std::move(inputs), rowToJsonObject(t, r)));
  }
  std::string text = json(doc);
  std::string head = "[\n"
                     "  {\n"
                     "    \"rank\": 1,\n"
                     "    \"model\": {\n"
                     "      \"name\": \"megatron_1t\",\n"
                     "      \"hidden\": 25600\n"
                     "    },\n"
                     "    \"system\": {\n"
                     "      \"mem1\": {\n"
                     "        \"capacity [B]\": 85899345920\n"
                     "      }\n"
                     "    },\n"
                     "    \"execution\": {\n"
                     "      \"datatype\": \"float16\"\n"
                     "    },\n"
                     "    \"results\": {\n"
                     "      \"rank\": 1,\n"
                     "      \"execution.tensor_par\": 8,\n";
  EXPECT_EQ(text.substr(0, head.size()), head);
  EXPECT_NE(text.find("      \"system.mem1.bandwidth [B/s]\": 1500000000000,\n"
                      "      \"total_time [s]\": 0.25,\n"
                      "      \"mem [B]\": 83182779105.28,\n"
                      "      \"sample_rate [sample/s]\": null,\n"
                      "      \"recompute\": \"attn_only\",\n"
                      "      \"offload\": false\n"
                      "    }\n"
                      "  }\n"
                      "]\n"),
            std::string::npos)
      << text;
}

} // namespace
