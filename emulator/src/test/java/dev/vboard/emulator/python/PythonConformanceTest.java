package dev.vboard.emulator.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a subset of the VM's conformance suite ({@code firmware-runtime/tests}) on the board and
 * compares UART0 with CPython's stdout ({@code python3 FILE}, run here) and the exit status.
 *
 * <p>The subset is explicit. Left out on purpose:
 * <ul>
 *   <li>files that write to stderr or end with an uncaught exception (tracebacks name the
 *       script by absolute path under CPython, by semihosting path on the board, and on the
 *       board stderr shares UART0): {@code exceptions/uncaught_exit.py},
 *       {@code exceptions/sys_exit_str.py}, {@code syntax/*} errors;</li>
 *   <li>{@code gc_mem/*}: heap-size dependent (the board has 2 MiB, the host 64 MiB);</li>
 *   <li>files that hash integers beyond 2^32 or need 64-bit small ints
 *       ({@code numbers/bigint_ops.py}): see {@code pyboard/module.mk} on __int128;</li>
 *   <li>{@code containers/dict_ops.py}: on the 32-bit board {@code hash(1) == 0} but
 *       {@code hash(True) == 1}, so {@code {1: 'float', True: 'bool'}} keeps two keys (py/ fix
 *       pending);</li>
 *   <li>{@code modules/import_local.py}: prints a module's file, absolute under CPython,
 *       relative to the semihosting root on the board;</li>
 *   <li>long-running files (seconds of host time under emulation): {@code async/*},
 *       {@code modules/collections_functools_itertools.py}.</li>
 * </ul>
 */
class PythonConformanceTest {

  static final List<String> FILES = List.of(
      "basics/arith_float.py",
      "basics/arith_int.py",
      "basics/assign_unpack.py",
      "basics/bool_ops.py",
      "basics/compare_chain.py",
      "basics/for_loop.py",
      "basics/global_nonlocal.py",
      "basics/int_conversions.py",
      "basics/lambda_basic.py",
      "basics/range_obj.py",
      "basics/walrus.py",
      "basics/while_loop.py",
      "classes/basic_class.py",
      "classes/inheritance.py",
      "classes/operator_overloading.py",
      "classes/properties.py",
      "classes/special_methods.py",
      "containers/comprehensions.py",
      "containers/list_methods.py",
      "containers/list_slicing.py",
      "containers/set_ops.py",
      "exceptions/try_except_basic.py",
      "exceptions/finally_flow.py",
      "exceptions/custom_exceptions.py",
      "exceptions/raise_from.py",
      "format/fstrings.py",
      "format/percent_format.py",
      "format/str_format.py",
      "format/float_repr.py",
      "functions/closures.py",
      "functions/decorators.py",
      "functions/defaults_kwargs.py",
      "functions/recursion.py",
      "generators/gen_basic.py",
      "generators/yield_from.py",
      "modules/import_chain.py",
      "strings/str_methods.py",
      "strings/str_index_slice.py");

  static Stream<String> files() {
    return FILES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void boardOutputMatchesCpython(String file) throws Exception {
    assumeTrue(PythonBoard.onPath("python3"), "python3 is not installed");
    Path tests = PythonBoard.repoRoot().resolve("firmware-runtime/tests");
    Path script = tests.resolve(file);
    Path dir = script.getParent();
    String name = script.getFileName().toString();

    Process cpython = PythonBoard.start(List.of("python3", name), dir);
    String expected = PythonBoard.drain(cpython);
    int expectedStatus = PythonBoard.exit(cpython, 60);

    PythonBoard.Outcome board = PythonBoard.run(dir, name);
    assertEquals(expected, board.uart(), file);
    assertEquals(expectedStatus, board.exitCode(), file);
  }
}
