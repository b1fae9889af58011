//===- OutputStatement.cpp - `output table|csv|json NAME [{…}] [to "p"]` ---===//
//
// Builds the eval/output Table of one output statement: the given columns
// (expressions over the target's fields, `as U` fixing the display unit), or
// every field of the target in schema order, nested entities flattened to paths
// (`mem1.capacity`, `networks[0].bandwidth`). JSON of an evaluate is the
// docs/language-reference.md §6 record { rank, model, system, execution,
// results } with its inputs in full; a search's records name their inputs
// and hold what its table shows. A text table too wide for the terminal is
// laid out vertically (docs/units-and-output.md, Layout).
//
//===----------------------------------------------------------------------===//
#include "eval/Statements.h"
#include "eval/output/AtomicFile.h"
#include "eval/output/CsvWriter.h"
#include "eval/output/Json.h"
#include "eval/output/OutputPath.h"
#include "eval/output/Report.h"
#include "eval/output/ResultJson.h"
#include "eval/output/Table.h"
#include "eval/output/TextTableWriter.h"
#include "ir/NumberFormat.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;
using llvm::SMRange;

namespace {

/// Turns values into table cells and JSON members.
class OutputBuilder {
public:
  OutputBuilder(Evaluator &ev, SMRange use) : ev(ev), use(use) {}

  Cell cell(const Value &v) {
    switch (v.kind) {
    case Value::Int:
      return Cell::integer(v.i);
    case Value::Real:
      return Cell::real(v.r);
    case Value::Bool:
      return Cell::boolean(v.b);
    case Value::String:
      return Cell::string(v.getString());
    case Value::Error:
      return Cell::null();
    case Value::Object: // An entity shows as its name, unquoted.
      return Cell::string(v.object->name);
    case Value::List:
    case Value::Steps: {
      // Shown as written; exchanged (CSV) as JSON's array, in SI units.
      std::string exchange;
      llvm::raw_string_ostream os(exchange);
      jsonList(v).writeCompact(os);
      return Cell::string(ev.format(v), os.str());
    }
    default:
      return Cell::string(ev.format(v));
    }
  }

  /// The chosen columns of one row, evaluated on \p inst; the first row
  /// (\p nameColumns) also names the table's columns.
  void addChosen(llvm::ArrayRef<ir::OutputColumn> columns, Instance *inst,
                 bool nameColumns, Table &table, std::vector<Cell> &row) {
    for (const ir::OutputColumn &c : columns) {
      Value v = ev.eval(c.value, Context{inst, nullptr, 0});
      if (nameColumns)
        addColumn(table, c.label, c.value->type, v, c.hasUnit);
      row.push_back(cell(v));
    }
  }

  /// Every field of \p inst as columns, nested entities as paths.
  void flatten(Instance *inst, const std::string &prefix, Table &table,
               std::vector<Cell> &row) {
    const Schema *s = inst->schema;
    for (unsigned slot = 0; slot < s->fields.size(); ++slot) {
      const FieldDecl &f = s->fields[slot];
      if (f.optional && !isPresent(inst, slot))
        continue;
      Value v = ev.field(inst, slot, use);
      std::string name = prefix + f.name;
      if (v.kind == Value::Object) {
        flatten(v.object, name + ".", table, row);
        continue;
      }
      if (v.kind == Value::List && f.type.elem == TypeKind::Entity) {
        // A result's record lists (training's `layers`) are tables of
        // their own, not columns of the result's.
        if (s->isResult)
          continue;
        const ValueList &xs = v.elements();
        for (size_t i = 0; i < xs.size(); ++i)
          flatten(xs[i].object, name + "[" + std::to_string(i) + "].", table, row);
        continue;
      }
      addColumn(table, name, f.type, v, false);
      row.push_back(cell(v));
    }
  }

  void addColumn(Table &table, const std::string &name, const Type &type,
                 const Value &v, bool explicitUnit) {
    // `as U`, or a unit the value chose; a base spelling (`B` of a derived
    // alias) chooses nothing, so such a column reads like its neighbours.
    llvm::Optional<Unit> display;
    if (!v.unit.isNone() &&
        (explicitUnit || (type.isNumber() && ir::isChosenUnit(v.unit))))
      display = v.unit;
    // A list's or step table's numbers (its keys) carry the dimension too:
    // CSV writes them in SI units under it.
    bool quantities =
        type.isNumber() || type.kind == TypeKind::Steps ||
        (type.kind == TypeKind::List && type.elem == TypeKind::Number);
    table.addColumn(name, quantities ? type.dim : Dimension(), display);
  }

  /// \p inst as a JSON object: "name" first, then every field.
  JsonValue json(Instance *inst, bool withName) {
    JsonValue obj = JsonValue::object();
    if (withName)
      obj.set("name", JsonValue::string(inst->name));
    const Schema *s = inst->schema;
    for (unsigned slot = 0; slot < s->fields.size(); ++slot) {
      const FieldDecl &f = s->fields[slot];
      if (f.optional && !isPresent(inst, slot))
        continue;
      Value v = ev.field(inst, slot, use);
      if (v.kind == Value::Object) {
        obj.set(f.name, json(v.object, false));
      } else if (v.kind == Value::List && f.type.elem == TypeKind::Entity) {
        JsonValue arr = JsonValue::array();
        for (const Value &x : v.elements())
          arr.push(json(x.object, false));
        obj.set(f.name, std::move(arr));
      } else if (v.kind == Value::Steps || v.kind == Value::List) {
        // Steps: [[key, value], …] with keys in the base unit of their
        // dimension; lists: [x, …].
        obj.set(headerWithBaseUnit(f.name, f.type.dim), jsonList(v));
      } else {
        addQuantityMember(obj, f.name, cell(v),
                          f.type.isNumber() ? f.type.dim : Dimension(), v.unit);
      }
    }
    return obj;
  }

  JsonValue jsonList(const Value &v) {
    JsonValue arr = JsonValue::array();
    const ValueList &xs = v.elements();
    if (v.kind == Value::List) {
      for (const Value &x : xs)
        arr.push(JsonValue::fromCell(cell(x)));
      return arr;
    }
    for (size_t i = 0; i + 1 < xs.size(); i += 2) {
      JsonValue pair = JsonValue::array();
      pair.push(JsonValue::fromCell(cell(xs[i])));
      pair.push(JsonValue::fromCell(cell(xs[i + 1])));
      arr.push(std::move(pair));
    }
    return arr;
  }

  static bool isPresent(const Instance *inst, unsigned slot) {
    for (const AmendLayer &l : inst->layers)
      if (l.block && l.block->find(slot))
        return true;
    return inst->state[slot] == FieldState::Done && !inst->memo[slot].isError();
  }

private:
  Evaluator &ev;
  SMRange use;
};

} // namespace

/// The line above a text table, saying whose it is: "m (model)", or for a
/// result "r (training: megatron_1t on a100_80g, calculon_example_3072)".
static std::string tableCaption(const Stmt &stmt, Instance *inst,
                                Evaluator &ev) {
  // A result is named by its analysis ("training"), not its result schema.
  Instance *in = inst->inputs;
  std::string caption =
      stmt.name + " (" + (in ? in->schema->name : inst->schema->name);
  if (in) {
    SMRange use(stmt.loc, stmt.loc);
    // "model on system, execution": the first input on the second, then
    // the others, in the analysis schema's order; options such as
    // allow_overflow are not inputs.
    unsigned shown = 0;
    for (unsigned slot = 0; slot < in->schema->fields.size(); ++slot) {
      Value v = ev.field(in, slot, use);
      if (v.kind != Value::Object && v.kind != Value::Error)
        continue;
      caption += shown == 0 ? ": " : shown == 1 ? " on " : ", ";
      caption += v.kind == Value::Object ? v.object->name : "?";
      ++shown;
    }
  }
  return caption + ")";
}

bool eval::writeOutput(const Stmt &stmt, const std::string &text,
                       Evaluator &ev, const RunOptions &options,
                       llvm::raw_ostream &out) {
  if (!stmt.hasPath()) {
    out << text;
    return true;
  }
  std::string path = resolveOutputPath(options.outputDir, stmt.path);
  // Missing directories under -o are created (docs/language-reference.md
  // §6), only now that there is something to write.
  llvm::StringRef parent = llvm::sys::path::parent_path(path);
  if (!parent.empty() && !fileOutputDiscarded())
    if (std::error_code ec = llvm::sys::fs::create_directories(parent)) {
      ev.error(stmt.pathRange, "cannot create directory '" + parent +
                                   "': " + ec.message());
      return false;
    }
  std::string message;
  if (writeFileAtomically(path, text, message))
    return true;
  ev.error(stmt.pathRange, message);
  return false;
}

static void writeTableText(const Stmt &stmt, const Table &table, bool rank,
                           bool groups, const RunOptions &options,
                           llvm::raw_ostream &os);

/// "best (training search: 5 plans, best first)".
static std::string searchCaption(const std::string &name, const ValueList &rows,
                                 const SearchInfo &si) {
  Instance *first = rows.empty() ? nullptr : rows.front().object->inputs;
  return name + " (" + (first ? first->schema->name + " " : "") +
         "search: " + ir::countOf(rows.size(), "plan") +
         (si.objectives.empty() ? ")" : ", best first)");
}

std::string eval::resultCaption(const Stmt &resultStmt, Evaluator &ev) {
  Value v = ev.result(resultStmt.resultIndex);
  if (resultStmt.kind == StmtKind::Search && resultStmt.search &&
      v.kind == Value::List)
    return searchCaption(resultStmt.name, v.elements(), *resultStmt.search);
  if (v.kind == Value::Object)
    return tableCaption(resultStmt, v.object, ev);
  return resultStmt.name;
}

/// Adds a table to the report: as `output table` shows it, and where a
/// file holds it.
static void reportTable(const Stmt &stmt, const std::string &caption,
                        const Table &table, bool rank, bool groups,
                        const RunOptions &options) {
  if (!options.report)
    return;
  std::string text;
  llvm::raw_string_ostream os(text);
  writeTableText(stmt, table, rank, groups, options, os);
  os.flush();
  static const char *formats[] = {"table", "csv", "json", "plot"};
  options.report->heading(std::string("output ") +
                          formats[unsigned(stmt.format)] + " " + caption);
  options.report->preformatted(text);
  if (stmt.hasPath())
    options.report->paragraph("Written to " + stmt.path + ".");
}

/// The search statement whose result \p target names, or null.
static const SearchInfo *searchOf(const Module &module, const Expr *target) {
  if (target->kind != ExprKind::ResultRef)
    return nullptr;
  for (const Stmt &s : module.statements)
    if (s.kind == StmtKind::Search && s.resultIndex == target->slot)
      return s.search;
  return nullptr;
}

/// Writes \p table as text, horizontally or vertically: as the statement
/// says, else vertically when the horizontal table would be wider than the
/// output's width, except for several rows in columns the program chose
/// (comparing rows is why it chose them). Vertically, one record is one
/// line per field; several are transposed (one value column per rank) when
/// that fits, else one block per rank. \p rank: column 0 is the rank;
/// \p groups: group a vertical record's lines (a result shown in full).
static void writeTableText(const Stmt &stmt, const Table &table, bool rank,
                           bool groups, const RunOptions &options,
                           llvm::raw_ostream &os) {
  TextTableOptions text{options.precision, false};
  unsigned width = stmt.hasPath() ? options.fileWidth : options.stdoutWidth;
  bool vertical = stmt.layout == OutputLayout::Vertical;
  if (stmt.layout == OutputLayout::Auto && width &&
      (table.numRows() <= 1 || stmt.columns.empty()))
    vertical = textTableWidth(table, text) > width;
  if (!vertical)
    return writeTextTable(table, os, text);
  if (rank && table.numRows() > 1 &&
      (!width || textTransposedWidth(table, text) <= width))
    return writeTextTransposed(table, os, text);
  text.groups = groups;
  writeTextRecords(table, os, text, rank);
}

/// The JSON input object \p name of a result's inputs.
static std::vector<std::pair<std::string, JsonValue>>
inputsJson(OutputBuilder &builder, Evaluator &ev, Instance *inputs,
           SMRange use) {
  std::vector<std::pair<std::string, JsonValue>> out;
  for (unsigned slot = 0; slot < inputs->schema->fields.size(); ++slot) {
    Value v = ev.field(inputs, slot, use);
    if (v.kind != Value::Object && v.kind != Value::Error)
      continue; // An option (allow_overflow), not an input.
    out.emplace_back(inputs->schema->fields[slot].name,
                     v.kind == Value::Object ? builder.json(v.object, true)
                                             : JsonValue());
  }
  return out;
}

/// A search record's inputs by name: its table's columns carry what varied.
static std::vector<std::pair<std::string, JsonValue>>
inputNamesJson(Evaluator &ev, Instance *inputs, SMRange use) {
  std::vector<std::pair<std::string, JsonValue>> out;
  for (unsigned slot = 0; slot < inputs->schema->fields.size(); ++slot) {
    Value v = ev.field(inputs, slot, use);
    if (v.kind != Value::Object && v.kind != Value::Error)
      continue; // An option (allow_overflow), not an input.
    out.emplace_back(inputs->schema->fields[slot].name,
                     v.kind == Value::Object ? JsonValue::string(v.object->name)
                                             : JsonValue());
  }
  return out;
}

/// `output` of a search result: one row per kept candidate, rank first.
static bool outputRows(const Stmt &stmt, const ValueList &rows,
                       const SearchInfo &si, Evaluator &ev,
                       const RunOptions &options, llvm::raw_ostream &out) {
  unsigned errorsBefore = ev.diagnostics().errorCount();
  OutputBuilder builder(ev, stmt.target->range);
  SMRange use(stmt.loc, stmt.loc);
  const std::vector<ir::OutputColumn> &cols =
      stmt.columns.empty() ? si.columns : stmt.columns;
  Table table;
  // A vertical table heads each record with its rank.
  bool withRank =
      stmt.columns.empty() || (stmt.format == OutputFormat::Table &&
                               stmt.layout == OutputLayout::Vertical);
  for (size_t r = 0; r < rows.size(); ++r) {
    Instance *inst = rows[r].object;
    std::vector<Cell> row;
    if (withRank) {
      if (r == 0)
        table.addColumn("rank", Dimension(), llvm::None);
      row.push_back(Cell::integer(int64_t(r + 1)));
    }
    builder.addChosen(cols, inst, r == 0, table, row);
    table.addRow(std::move(row));
  }
  if (ev.diagnostics().errorCount() != errorsBefore)
    return false;
  reportTable(stmt, searchCaption(stmt.name, rows, si), table, withRank, false,
              options);
  std::string text;
  llvm::raw_string_ostream os(text);
  switch (stmt.format) {
  case OutputFormat::Plot:
    return false; // runPlot's.
  case OutputFormat::Table: {
    // As for one result (tableCaption), but the rows' inputs vary.
    os << searchCaption(stmt.name, rows, si) << "\n";
    writeTableText(stmt, table, withRank, false, options, os);
    os << "\n";
    break;
  }
  case OutputFormat::Csv:
    writeCsv(table, os);
    break;
  case OutputFormat::Json: {
    JsonValue doc = JsonValue::array();
    for (size_t r = 0; r < rows.size(); ++r) {
      Instance *inputs = rows[r].object->inputs;
      doc.push(makeResultRecord(int64_t(r + 1), inputNamesJson(ev, inputs, use),
                                rowToJsonObject(table, r, withRank ? 1 : 0)));
    }
    writeJsonDocument(doc, os);
    break;
  }
  }
  os.flush();
  return writeOutput(stmt, text, ev, options, out);
}

/// `output` of a list of records (a training result's `layers`, a system's
/// `networks`): one row per record, headed by its index as `xs[i]` reads
/// it, then its fields (or the chosen columns).
static bool outputRecords(const Stmt &stmt, const ValueList &records,
                          Evaluator &ev, const RunOptions &options,
                          llvm::raw_ostream &out) {
  unsigned errorsBefore = ev.diagnostics().errorCount();
  OutputBuilder builder(ev, stmt.target->range);
  Table table;
  table.addColumn("index", Dimension(), llvm::None);
  for (size_t r = 0; r < records.size(); ++r) {
    Instance *inst = records[r].object;
    std::vector<Cell> row{Cell::integer(int64_t(r))};
    if (stmt.columns.empty()) {
      Table columns; // The first record's columns name the table's.
      builder.flatten(inst, "", r == 0 ? table : columns, row);
    } else {
      builder.addChosen(stmt.columns, inst, r == 0, table, row);
    }
    table.addRow(std::move(row));
  }
  if (ev.diagnostics().errorCount() != errorsBefore)
    return false;
  std::string text;
  llvm::raw_string_ostream os(text);
  switch (stmt.format) {
  case OutputFormat::Table: {
    const std::string kind =
        records.empty() ? "record" : records.front().object->schema->name;
    os << stmt.name << " (" << records.size() << " " << kind
       << (records.size() == 1 ? "" : "s") << ")\n";
    writeTableText(stmt, table, true, false, options, os);
    os << "\n";
    break;
  }
  case OutputFormat::Csv:
    writeCsv(table, os);
    break;
  case OutputFormat::Json: {
    // The array's order is the index.
    JsonValue doc = JsonValue::array();
    for (size_t r = 0; r < records.size(); ++r)
      doc.push(rowToJsonObject(table, r, 1));
    writeJsonDocument(doc, os);
    break;
  }
  case OutputFormat::Plot:
    // Refused before running: only results are plotted (checkPlot).
    return false;
  }
  os.flush();
  return writeOutput(stmt, text, ev, options, out);
}

static bool isRecordList(const Value &v) {
  if (v.kind != Value::List)
    return false;
  for (const Value &x : v.elements())
    if (x.kind != Value::Object)
      return false;
  return true;
}

bool eval::runOutput(const Stmt &stmt, Evaluator &ev, const RunOptions &options,
                     llvm::raw_ostream &out) {
  if (stmt.format == OutputFormat::Plot)
    return runPlot(stmt, ev, options, out);
  Value target = ev.eval(stmt.target, Context());
  if (target.kind == Value::List) {
    if (const SearchInfo *si = searchOf(ev.getModule(), stmt.target))
      return outputRows(stmt, target.elements(), *si, ev, options, out);
    if (isRecordList(target))
      return outputRecords(stmt, target.elements(), ev, options, out);
  }
  if (target.kind != Value::Object)
    return false; // A failed evaluate: reported already.
  Instance *inst = target.object;
  SMRange use(stmt.loc, stmt.loc);
  if (!ev.validate(inst, stmt.target->range))
    return false;
  unsigned errorsBefore = ev.diagnostics().errorCount();
  OutputBuilder builder(ev, stmt.target->range);
  Table table;
  std::vector<Cell> row;
  if (stmt.columns.empty()) {
    builder.flatten(inst, "", table, row);
  } else {
    builder.addChosen(stmt.columns, inst, true, table, row);
  }
  if (ev.diagnostics().errorCount() != errorsBefore)
    return false;
  table.addRow(std::move(row));
  bool groups = inst->inputs != nullptr && stmt.columns.empty();
  reportTable(stmt, tableCaption(stmt, inst, ev), table, false, groups,
              options);
  std::string text;
  llvm::raw_string_ostream os(text);
  switch (stmt.format) {
  case OutputFormat::Plot:
    return false; // runPlot's.
  case OutputFormat::Table:
    // A caption, and a blank line after: a file's tables stay apart.
    os << tableCaption(stmt, inst, ev) << "\n";
    writeTableText(stmt, table, false, groups, options, os);
    os << "\n";
    break;
  case OutputFormat::Csv:
    writeCsv(table, os);
    break;
  case OutputFormat::Json: {
    JsonValue doc;
    if (Instance *inputs = inst->inputs) {
      doc = makeResultRecord(1, inputsJson(builder, ev, inputs, use),
                             rowToJsonObject(table, 0));
    } else {
      doc = stmt.columns.empty() ? builder.json(inst, true) : rowToJsonObject(table, 0);
    }
    writeJsonDocument(doc, os);
    break;
  }
  }
  os.flush();
  return writeOutput(stmt, text, ev, options, out);
}
