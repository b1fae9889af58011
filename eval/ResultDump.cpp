//===- ResultDump.cpp - `--emit=result`: every value of the main file -----===//
//
// Prints the main file's lets, then its entities with every field (nested
// blocks indented, lists of entities one element per block, fields nothing
// defines as `<missing>`, absent optional blocks left out), then the result
// of each `evaluate`. Values use the display format of tables, so a lit test
// can check evaluation (late binding, defaults, units) without an `output`.
//
//===----------------------------------------------------------------------===//
#include "eval/ResultDump.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

namespace {

class Dumper {
public:
  Dumper(Evaluator &ev, llvm::raw_ostream &os) : ev(ev), os(os) {}

  void instance(Instance *inst, unsigned indent) {
    os << "{\n";
    const Schema *s = inst->schema;
    for (unsigned slot = 0; slot < s->fields.size(); ++slot) {
      const FieldDecl &f = s->fields[slot];
      bool explicitly = false;
      for (const AmendLayer &l : inst->layers)
        explicitly |= l.block && l.block->find(slot);
      explicitly |= inst->state[slot] == FieldState::Done;
      if (!explicitly && f.optional)
        continue;
      os.indent(indent + 2) << f.name;
      if (!explicitly && !f.defaultValue && f.type.kind != TypeKind::Entity) {
        os << " = <missing>\n";
        continue;
      }
      value(ev.field(inst, slot, llvm::SMRange()), indent + 2);
    }
    os.indent(indent) << "}\n";
  }

  void value(const Value &v, unsigned indent) {
    if (v.kind == Value::Object) {
      os << " ";
      instance(v.object, indent);
      return;
    }
    if (v.kind == Value::List && !v.elements().empty() &&
        v.elements()[0].kind == Value::Object) {
      os << " = [\n";
      for (const Value &x : v.elements()) {
        os.indent(indent + 2) << x.object->schema->name << " ";
        instance(x.object, indent + 2);
      }
      os.indent(indent) << "]\n";
      return;
    }
    os << " = " << ev.format(v) << "\n";
  }

private:
  Evaluator &ev;
  llvm::raw_ostream &os;
};

} // namespace

bool eval::dumpResults(const Module &module, Evaluator &ev,
                       llvm::raw_ostream &os) {
  unsigned errorsBefore = ev.diagnostics().errorCount();
  Dumper dumper(ev, os);
  for (const auto &l : module.lets()) {
    if (!l->inMainFile)
      continue;
    os << "let " << l->name << " = " << ev.format(ev.let(l.get(), llvm::SMRange()))
       << "\n";
  }
  for (const auto &e : module.entities()) {
    if (!e->inMainFile)
      continue;
    os << e->schema->name << " " << e->name << " ";
    dumper.instance(ev.entity(e.get()), 0);
  }
  for (const Stmt &s : module.statements) {
    if (s.kind == StmtKind::Search) { // Its rows, best first.
      Value r = ev.result(s.resultIndex);
      os << "search " << s.name;
      if (r.kind != Value::List) {
        os << " = <failed>\n";
        continue;
      }
      os << " = " << r.elements().size() << " rows\n";
      for (const Value &row : r.elements()) {
        os << "  " << row.object->name << " = " << row.object->schema->name
           << " ";
        dumper.instance(row.object, 2);
      }
      continue;
    }
    if (s.kind != StmtKind::Evaluate)
      continue;
    Value r = ev.result(s.resultIndex);
    os << "evaluate " << s.name;
    if (r.kind != Value::Object) {
      os << " = <failed>\n";
      continue;
    }
    os << " = " << s.resultSchema->name << " ";
    dumper.instance(r.object, 0);
  }
  return ev.diagnostics().errorCount() == errorsBefore;
}
