//===- PlotFigures.cpp - The pictures of evaluate and search results ------===//
//
// Reads result fields by name (the prelude's training_result and
// generation_result) and builds Charts.h Figures. A breakdown that does not
// add up to its total (a term the pictures do not name, such as MoE
// communication) gets an "other" segment, so every bar is exactly as long
// as the total it stands for.
//
//===----------------------------------------------------------------------===//
#include "eval/PlotFigures.h"

#include "eval/Instance.h"
#include "ir/NumberFormat.h"

#include <algorithm>
#include <cmath>
#include <map>

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;
using llvm::SMRange;
namespace pal = calc::eval::palette;

namespace {

constexpr Dimension Seconds = Dimension::secondDim();
constexpr Dimension Bytes = Dimension::byteDim();

/// Reads fields of results and their inputs by name.
class Reader {
public:
  Reader(Evaluator &ev, SMRange use) : ev(ev), use(use) {}

  Value value(Instance *inst, llvm::StringRef name) {
    int slot = inst ? inst->schema->lookup(name) : -1;
    return slot < 0 ? Value() : ev.field(inst, unsigned(slot), use);
  }
  /// A nested field (`system.mem1.capacity`) of \p inst.
  Value path(Instance *inst, llvm::ArrayRef<llvm::StringRef> names) {
    Value v;
    for (llvm::StringRef n : names) {
      v = value(inst, n);
      if (v.kind != Value::Object)
        return v;
      inst = v.object;
    }
    return v;
  }
  static double number(const Value &v) {
    return v.kind == Value::Int ? double(v.i)
           : v.kind == Value::Real ? v.r
                                   : NAN;
  }
  double num(Instance *inst, llvm::StringRef name) {
    return number(value(inst, name));
  }

  Evaluator &ev;
  SMRange use;
};

/// A segment named after its field, skipped when zero (or not a number).
void add(std::vector<BarSegment> &segs, Reader &rd, Instance *r,
         llvm::StringRef field, llvm::StringRef label, const char *colour,
         bool light = false) {
  double v = rd.num(r, field);
  if (std::isfinite(v) && v != 0)
    segs.push_back({label.str(), field.str(), v, colour, light});
}

/// Adds an "other" segment for what \p segs leave of \p total.
void addRest(std::vector<BarSegment> &segs, double total,
             llvm::StringRef totalField, llvm::StringRef label) {
  double sum = 0;
  for (const BarSegment &s : segs)
    sum += s.value;
  double rest = total - sum;
  if (std::isfinite(rest) && std::fabs(rest) > 1e-9 * std::fabs(total))
    segs.push_back(
        {label.str(), ("rest of " + totalField).str(), rest, pal::Grey, true});
}

Panel barPanel(std::string title, ChartAxis axis, std::vector<BarRow> rows,
               bool legendValues = true) {
  Panel p;
  p.kind = Panel::Kind::Bars;
  p.bars.title = std::move(title);
  p.bars.axis = std::move(axis);
  p.bars.rows = std::move(rows);
  p.bars.legendValues = legendValues;
  return p;
}

std::string show(double si, Dimension dim, unsigned digits) {
  return formatQuantity(si, dim, llvm::None, digits);
}

/// The memory panel: \p segs against mem1's capacity.
Panel memoryPanel(Reader &rd, Instance *result, std::vector<BarSegment> segs,
                  unsigned digits) {
  double need = rd.num(result, "proc_mem_tier1_cap_req");
  addRest(segs, need, "proc_mem_tier1_cap_req", "other");
  Panel p = barPanel("memory of one processor, first tier: " +
                         show(need, Bytes, digits),
                     ChartAxis{"memory", Bytes, llvm::None},
                     {BarRow{"mem1", std::move(segs), false}});
  double capacity =
      Reader::number(rd.path(result->inputs, {"system", "mem1", "capacity"}));
  if (std::isfinite(capacity)) {
    p.bars.limit = capacity;
    p.bars.limitLabel = "mem1 capacity";
  }
  return p;
}

Figure trainingFigure(Reader &rd, Instance *r, unsigned digits) {
  Figure f;
  double total = rd.num(r, "total_time");
  // The terms of Calculon's total_time (docs/calculon-model.md §8.7).
  std::vector<BarSegment> time;
  add(time, rd, r, "fw_time", "forward compute", pal::Blue);
  add(time, rd, r, "bw_time", "backward compute", pal::SkyBlue);
  add(time, rd, r, "optim_step_time", "optimizer step", pal::Green);
  add(time, rd, r, "fw_offload_exposed_time", "forward offload, exposed",
      pal::Yellow);
  add(time, rd, r, "bw_offload_exposed_time", "backward offload, exposed",
      pal::Yellow, true);
  add(time, rd, r, "recompute_time", "recompute", pal::Orange);
  add(time, rd, r, "recomm_exposed_time", "recompute comm., exposed",
      pal::Orange, true);
  add(time, rd, r, "bubble_time", "pipeline bubble", pal::Grey);
  add(time, rd, r, "tp_comm_exposed_time", "tensor-parallel comm., exposed",
      pal::Vermillion);
  add(time, rd, r, "pp_comm_exposed_time", "pipeline-parallel comm., exposed",
      pal::Purple);
  add(time, rd, r, "dp_comm_exposed_time", "data-parallel comm., exposed",
      pal::Black);
  add(time, rd, r, "cp_comm_exposed_time", "context-parallel comm., exposed",
      pal::Green, true);
  add(time, rd, r, "moe_a2a_exposed_time", "MoE all-to-all, exposed",
      pal::Purple, true);
  addRest(time, total, "total_time", "other");
  f.panels.push_back(barPanel("time of one iteration: " +
                                  show(total, Seconds, digits),
                              ChartAxis{"time", Seconds, llvm::None},
                              {BarRow{"iteration", std::move(time), false}}));

  // Each communication kind: the exposed part (in the bar above) and the
  // part hidden behind compute.
  struct Kind {
    const char *label, *link, *exposed;
  };
  static const Kind kinds[] = {
      {"tensor-parallel", "tp_comm_link_time", "tp_comm_exposed_time"},
      {"pipeline-parallel", "pp_comm_link_time", "pp_comm_exposed_time"},
      {"data-parallel", "dp_comm_link_time", "dp_comm_exposed_time"},
      {"recompute", "recomm_link_time", "recomm_exposed_time"},
      {"context-parallel", "cp_comm_time", "cp_comm_exposed_time"},
      {"MoE all-to-all", "moe_a2a_time", "moe_a2a_exposed_time"},
  };
  std::vector<BarRow> comm;
  for (const Kind &k : kinds) {
    double link = rd.num(r, k.link), exposed = rd.num(r, k.exposed);
    if (!std::isfinite(link) || !std::isfinite(exposed) || link <= 0)
      continue;
    BarRow row{k.label, {}, false};
    if (exposed > 0)
      row.segments.push_back({"exposed", k.exposed, exposed, pal::Vermillion});
    if (link - exposed > 0)
      row.segments.push_back(
          {"hidden behind compute",
           std::string(k.link) + " - " + k.exposed, link - exposed,
           pal::Vermillion, true});
    comm.push_back(std::move(row));
  }
  if (!comm.empty())
    f.panels.push_back(barPanel("communication time on the links, exposed or "
                                "hidden",
                                ChartAxis{"time", Seconds, llvm::None},
                                std::move(comm), false));

  // The first tier as eval/cost/Memory.cpp sums it: offloaded parts count
  // their double-buffered minimum.
  Instance *exe = nullptr;
  Value e = rd.path(r->inputs, {"execution"});
  if (e.kind == Value::Object)
    exe = e.object;
  auto flag = [&](llvm::StringRef name) {
    Value v = rd.value(exe, name);
    return v.kind == Value::Bool && v.b;
  };
  bool wOff = flag("weight_offload"), aOff = flag("activations_offload"),
       oOff = flag("optimizer_offload");
  Value recompute = rd.value(exe, "activation_recompute");
  bool full = recompute.kind == Value::String && recompute.getString() == "full";
  std::vector<BarSegment> mem;
  add(mem, rd, r, wOff ? "weight_space_with_offload" : "weight_space",
      "weights", pal::Blue);
  if (aOff) {
    add(mem, rd, r, "act_space_with_offload", "activations", pal::Orange);
    if (full)
      add(mem, rd, r, "act_checkpoint_size_with_offload",
          "activation checkpoints", pal::Orange, true);
  } else {
    add(mem, rd, r, "act_space", "activations", pal::Orange);
    add(mem, rd, r, "act_checkpoint_size", "activation checkpoints",
        pal::Orange, true);
  }
  add(mem, rd, r,
      oOff ? "weight_grad_space_with_offload" : "weight_grad_space",
      "weight gradients", pal::SkyBlue);
  add(mem, rd, r, oOff ? "optimizer_space_with_offload" : "optimizer_space",
      "optimizer state", pal::Green);
  add(mem, rd, r, "act_grad_space", "activation gradients", pal::Purple);
  f.panels.push_back(memoryPanel(rd, r, std::move(mem), digits));
  f.subtitle = "sample_rate " +
               formatSignificant(rd.num(r, "sample_rate"), digits) +
               " sample/s; total_efficiency " +
               formatSignificant(100 * rd.num(r, "total_efficiency"), digits) +
               " %";
  return f;
}

Figure generationFigure(Reader &rd, Instance *r, unsigned digits) {
  Figure f;
  double e2e = rd.num(r, "e2e_time");
  std::vector<BarSegment> time;
  add(time, rd, r, "prefill_time", "prefill", pal::Blue);
  add(time, rd, r, "decode_time", "decode (every step)", pal::SkyBlue);
  addRest(time, e2e, "e2e_time", "other");
  f.panels.push_back(barPanel("time of one request: " +
                                  show(e2e, Seconds, digits),
                              ChartAxis{"time", Seconds, llvm::None},
                              {BarRow{"request", std::move(time), false}}));
  // The parts of each phase, alone: the processing mode overlaps them, so
  // they need not add up to the phase.
  std::vector<BarRow> parts;
  for (llvm::StringRef phase : {"prefill", "decode"}) {
    struct Part {
      const char *suffix, *label, *colour;
    };
    static const Part partList[] = {
        {"_compute_time", "compute", pal::Blue},
        {"_mem_time", "memory traffic", pal::Orange},
        {"_tp_comm_time", "tensor-parallel comm.", pal::Vermillion},
        {"_pp_comm_time", "pipeline-parallel comm.", pal::Purple},
        {"_ep_comm_time", "expert-parallel comm.", pal::Green},
    };
    for (const Part &p : partList) {
      std::vector<BarSegment> one;
      add(one, rd, r, (phase + p.suffix).str(), p.label, p.colour);
      if (!one.empty())
        parts.push_back(BarRow{(phase + ": " + p.label).str(), one, false});
    }
  }
  if (!parts.empty()) {
    f.panels.push_back(barPanel(
        "parts of prefill and decode, each alone (they overlap, so they "
        "need not add up)",
        ChartAxis{"time", Seconds, llvm::None}, std::move(parts), false));
    f.panels.back().bars.legend = false;
  }
  std::vector<BarSegment> mem;
  add(mem, rd, r, "weight_space", "weights", pal::Blue);
  add(mem, rd, r, "kv_cache_space", "KV cache", pal::Orange);
  add(mem, rd, r, "act_space", "activations", pal::Purple);
  f.panels.push_back(memoryPanel(rd, r, std::move(mem), digits));
  f.subtitle = "ttft " + show(rd.num(r, "ttft"), Seconds, digits) + "; tpot " +
               show(rd.num(r, "tpot"), Seconds, digits) + "; output_rate " +
               formatSignificant(rd.num(r, "output_rate"), digits) + " tok/s";
  return f;
}

/// The display unit a column's values chose (`as U`, `80 GiB`,
/// `sample/s`), as output tables keep it.
llvm::Optional<Unit> chosenUnit(const OutputColumn &c, const Value &v) {
  if (!v.unit.isNone() && (c.hasUnit || isChosenUnit(v.unit)))
    return v.unit;
  return llvm::None;
}

/// One stacked bar of an evaluate's \p columns.
llvm::Optional<Figure> columnsFigure(Reader &rd, Instance *r,
                                     const std::vector<OutputColumn> &columns,
                                     const std::string &name) {
  static const char *colours[] = {pal::Blue,   pal::Orange,    pal::SkyBlue,
                                  pal::Green,  pal::Vermillion, pal::Purple,
                                  pal::Yellow, pal::Black};
  std::vector<BarSegment> segs;
  ChartAxis axis{"", columns.front().value->type.dim, llvm::None};
  for (size_t i = 0; i < columns.size(); ++i) {
    const OutputColumn &c = columns[i];
    Value v = rd.ev.eval(c.value, Context{r, nullptr, 0});
    if (v.isError())
      return llvm::None;
    if (i == 0)
      axis.unit = chosenUnit(c, v);
    axis.label += (i ? " + " : "") + c.label;
    double x = Reader::number(v);
    segs.push_back({c.label, c.label, std::isfinite(x) ? x : 0.0,
                    colours[i % 8], i >= 8});
  }
  // The axis says what the columns measure when the dimension has a name.
  std::string title = axis.label;
  if (axis.dim == Seconds)
    axis.label = "time";
  else if (axis.dim == Bytes)
    axis.label = "memory";
  Figure f;
  f.panels.push_back(barPanel(title, axis, {BarRow{name, segs, false}}));
  return f;
}

/// A plot axis from a search column: its label, dimension, chosen unit.
ChartAxis axisOf(const OutputColumn &c, const Value &first) {
  return ChartAxis{c.label, c.value->type.dim, chosenUnit(c, first)};
}

/// The direction of column \p c: written on it, or its objective's.
int directionOf(const OutputColumn &c, const SearchInfo &si) {
  if (c.direction)
    return c.direction;
  for (const SearchObjective &o : si.objectives)
    if (o.value == c.value || o.text == c.label)
      return o.maximize ? 1 : -1;
  return 0;
}

/// "lower x and higher y are better"
std::string frontNote(const std::string &x, int dx, const std::string &y,
                      int dy) {
  return std::string(dx > 0 ? "higher " : "lower ") + x + " and " +
         (dy > 0 ? "higher " : "lower ") + y + " are better";
}

/// A key that orders a domain's values: numbers by value, others by the
/// rank that first shows them.
struct DomainValue {
  bool numeric;
  double number;
  size_t firstRank;
  std::string label;
  double best;
  bool hasBest;
};

llvm::Optional<Figure> searchFigure(Reader &rd, const Stmt &stmt,
                                    const ValueList &rows,
                                    const std::vector<OutputColumn> &given) {
  const SearchInfo &si = *stmt.search;
  if (rows.empty()) {
    rd.ev.error(rd.use, "nothing to plot: search '" + stmt.name +
                            "' kept no plan");
    return llvm::None;
  }
  // The two columns: given, or the first two objectives (second across),
  // or memory across and the objective up.
  OutputColumn memory;
  std::vector<OutputColumn> cols = given;
  size_t objectiveStart = si.columns.size() - si.objectives.size();
  if (cols.empty()) {
    if (si.objectives.size() >= 2) {
      cols = {si.columns[objectiveStart + 1], si.columns[objectiveStart]};
    } else {
      int slot = si.row->lookup("proc_mem_tier1_cap_req");
      if (slot < 0 || si.objectives.empty()) {
        rd.ev.error(rd.use, "nothing to plot: give the two columns of "
                            "search '" +
                                stmt.name + "'");
        return llvm::None;
      }
      // Memory across: read by name below (no column expression).
      memory.label = si.row->fields[unsigned(slot)].name;
      memory.direction = -1;
      cols = {memory, si.columns[objectiveStart]};
    }
  }
  std::vector<double> xs, ys;
  std::vector<int64_t> ranks;
  Value firstX, firstY;
  for (size_t i = 0; i < rows.size(); ++i) {
    Instance *row = rows[i].object;
    Value vx = cols[0].value ? rd.ev.eval(cols[0].value, Context{row, nullptr, 0})
                             : rd.value(row, cols[0].label);
    Value vy = rd.ev.eval(cols[1].value, Context{row, nullptr, 0});
    if (vx.isError() || vy.isError())
      return llvm::None;
    if (i == 0) {
      firstX = vx;
      firstY = vy;
    }
    double x = Reader::number(vx), y = Reader::number(vy);
    if (!std::isfinite(x) || !std::isfinite(y))
      continue; // Nowhere to draw it.
    xs.push_back(x);
    ys.push_back(y);
    ranks.push_back(int64_t(i + 1));
  }
  Panel scatter;
  scatter.kind = Panel::Kind::Scatter;
  ScatterPanel &sp = scatter.scatter;
  sp.x = cols[0].value ? axisOf(cols[0], firstX)
                       : ChartAxis{cols[0].label, Bytes, llvm::None};
  sp.y = axisOf(cols[1], firstY);
  int dx = cols[0].value ? directionOf(cols[0], si) : cols[0].direction;
  int dy = directionOf(cols[1], si);
  sp.hasFront = dx && dy;
  std::vector<bool> front;
  if (sp.hasFront) {
    front = paretoFront(xs, ys, dx > 0, dy > 0);
    sp.frontNote = frontNote(sp.x.label, dx, sp.y.label, dy);
  }
  for (size_t i = 0; i < xs.size(); ++i)
    sp.points.push_back({xs[i], ys[i], ranks[i], sp.hasFront && front[i]});
  sp.title = sp.y.label + " against " + sp.x.label + " (" +
             countOf(rows.size(), "kept plan") + ")";
  Figure f;
  f.panels.push_back(std::move(scatter));
  if (!given.empty() || si.objectives.empty())
    return f;

  // The effect of each domain: the best first objective among the kept
  // plans with each of its values.
  const OutputColumn &objective = si.columns[objectiveStart];
  bool maximize = si.objectives.front().maximize;
  std::vector<double> objectiveValues;
  for (const Value &row : rows)
    objectiveValues.push_back(Reader::number(
        rd.ev.eval(objective.value, Context{row.object, nullptr, 0})));
  for (const SearchDomain &d : si.domains) {
    auto col = std::find_if(si.columns.begin(), si.columns.end(),
                            [&](const OutputColumn &c) {
                              return c.label == d.path;
                            });
    if (col == si.columns.end())
      continue;
    std::vector<DomainValue> values;
    for (size_t i = 0; i < rows.size(); ++i) {
      Value v = rd.ev.eval(col->value, Context{rows[i].object, nullptr, 0});
      std::string label = v.kind == Value::Object ? v.object->name
                          : v.kind == Value::String
                              ? v.getString().str()
                              : rd.ev.format(v);
      auto it = std::find_if(values.begin(), values.end(),
                             [&](const DomainValue &dv) {
                               return dv.label == label;
                             });
      if (it == values.end()) {
        double n = Reader::number(v);
        values.push_back({std::isfinite(n), n, i, label, 0, false});
        it = values.end() - 1;
      }
      double o = objectiveValues[i];
      if (std::isfinite(o) &&
          (!it->hasBest || (maximize ? o > it->best : o < it->best))) {
        it->best = o;
        it->hasBest = true;
      }
    }
    if (values.size() < 2)
      continue; // One value has no effect to show.
    std::stable_sort(values.begin(), values.end(),
                     [](const DomainValue &a, const DomainValue &b) {
                       if (a.numeric && b.numeric)
                         return a.number < b.number;
                       return a.firstRank < b.firstRank;
                     });
    std::vector<BarRow> bars;
    for (const DomainValue &dv : values) {
      BarRow row{dv.label, {}, dv.firstRank == 0};
      if (dv.hasBest)
        row.segments.push_back({objective.label, objective.label, dv.best,
                                dv.firstRank == 0 ? pal::Vermillion
                                                  : pal::Blue});
      bars.push_back(std::move(row));
    }
    Value first = rd.ev.eval(objective.value, Context{rows[0].object, nullptr, 0});
    f.panels.push_back(barPanel(
        "best " + objective.label + " by " + d.path +
            " (over the kept plans; rank 1's value outlined)",
        axisOf(objective, first), std::move(bars), false));
    f.panels.back().bars.legend = false;
  }
  return f;
}

} // namespace

bool eval::hasDefaultFigure(const Stmt &stmt) {
  if (stmt.kind == StmtKind::Search)
    return stmt.search && !stmt.search->objectives.empty();
  return stmt.kind == StmtKind::Evaluate && stmt.resultSchema &&
         (stmt.resultSchema->name == "training_result" ||
          stmt.resultSchema->name == "generation_result");
}

llvm::Optional<Figure>
eval::resultFigure(const Stmt &stmt, const std::vector<OutputColumn> &columns,
                   const std::string &caption, Evaluator &ev, SMRange use) {
  Value result = ev.result(stmt.resultIndex);
  if (result.isError())
    return llvm::None; // Reported by its statement.
  Reader rd(ev, use);
  unsigned digits = ev.getPrecision();
  llvm::Optional<Figure> f;
  if (stmt.kind == StmtKind::Search) {
    f = searchFigure(rd, stmt, result.elements(), columns);
  } else if (result.kind == Value::Object) {
    Instance *r = result.object;
    if (!columns.empty())
      f = columnsFigure(rd, r, columns, stmt.name);
    else if (r->schema->name == "training_result")
      f = trainingFigure(rd, r, digits);
    else if (r->schema->name == "generation_result")
      f = generationFigure(rd, r, digits);
  }
  if (f)
    f->title = caption;
  return f;
}
