# lit configuration for calcc: one test file per feature, directories mirroring the
# source tree (docs/architecture.md, Tests).
import os
import lit.formats

config.name = "calcc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".calc", ".test"]
config.excludes = ["Inputs", "Unit", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
# lit never looks into a directory named "Output" (its own name for %t files):
# the output tests live in test/Outputs.
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.calc_obj_root, "test")

# FileCheck, not and count live in LLVM's tool dir; Debian puts only -14 names on PATH.
path = os.path.pathsep.join([config.calc_tools_dir, config.llvm_tools_dir,
                             config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["PATH"] = path
# Diagnostics must not depend on the terminal or locale.
config.environment["LC_ALL"] = "C"

config.substitutions.append(("%calcc", os.path.join(config.calc_tools_dir, "calcc")))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%src_root", config.calc_src_root))
# The fuzz tests' run counts: a sanitizer build starts each calcc process about
# ten times slower (0.35 s), so it runs half as many programs in the suite (its
# point there is memory errors, which the longer campaigns of test/Fuzz also find).
sanitized = getattr(config, "sanitized", False)
# Tests that need a terminal (REQUIRES: pty) run where pseudo-terminals can be
# opened; a minimal chroot without /dev/pts cannot.
try:
    _master, _slave = os.openpty()
    os.close(_master)
    os.close(_slave)
    config.available_features.add("pty")
except OSError:
    pass
# MPI searches (REQUIRES: mpi) when calcc links MPI and the launcher exists: %mpirun
# starts N ranks on this machine over loopback, more ranks than cores allowed
# (--oversubscribe), as root too (the CI container). Under the sanitizers, Open MPI's
# own allocations kept to the end would be reported as leaks of calcc: test/lsan-mpi.supp
# names its libraries, which stay loaded (no dlclose of its components) and are unwound
# slowly (its code has no frame pointers) so the names are found; nothing is printed
# about them (docs/cli.md, "Searching over MPI ranks").
# A machine without /sys (a chroot) makes hwloc print a warning per rank on stderr,
# which the tests compare: HWLOC_HIDE_ERRORS=2 silences it, and the feature is only
# added when a two-rank job of `true` runs cleanly (a launcher that cannot start ranks
# here skips the MPI tests instead of failing them).
def mpi_runs(launcher):
    import subprocess
    try:
        p = subprocess.run(launcher.split() + ["-n", "2", "true"],
                           capture_output=True, timeout=120)
        return p.returncode == 0 and not p.stderr.strip()
    except (OSError, subprocess.SubprocessError):
        return False

mpiexec = getattr(config, "mpiexec", "")
base_launcher = ("env HWLOC_HIDE_ERRORS=2 " + mpiexec +
                 " --oversubscribe --allow-run-as-root")
if (getattr(config, "with_mpi", False) and mpiexec and os.path.exists(mpiexec)
        and mpi_runs(base_launcher)):
    config.available_features.add("mpi")
    launcher = base_launcher
    if sanitized:
        supp = os.path.join(config.calc_src_root, "test", "lsan-mpi.supp")
        launcher = ("env LSAN_OPTIONS=suppressions=" + supp +
                    ":fast_unwind_on_malloc=0:print_suppressions=0"
                    " OMPI_MCA_mca_base_component_disable_dlclose=1 " + launcher)
    config.substitutions.append(("%mpirun", launcher))
    for var in ("HOME", "USER", "TMPDIR"):
        if var in os.environ:
            config.environment[var] = os.environ[var]
config.substitutions.append(("%fuzz_searches", "50" if sanitized else "100"))
config.substitutions.append(("%fuzz_mutants", "100" if sanitized else "200"))
# Calculon's input JSON (models, systems, the README execution, validation runs),
# copied from its repository; see test/Calculon/Inputs/calculon/README.md.
config.substitutions.append(("%calculon_inputs", os.path.join(
    config.calc_src_root, "test", "Calculon", "Inputs", "calculon")))
