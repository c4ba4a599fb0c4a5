package io.vigil.server.metrics;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus} package's binaries ({@code promtool}, {@code prometheus}), found on
 * the {@code PATH} or in {@code /usr/bin}. A missing binary fails the test, like a missing
 * PostgreSQL, never skips it: {@code .ci/run} installs the package.
 */
final class DebianPrometheus {

  private static final List<Path> FALLBACK_DIRS = List.of(Path.of("/usr/bin"));

  private DebianPrometheus() {}

  static Path binary(String name) {
    List<Path> dirs = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        dirs.add(Path.of(dir));
      }
    }
    dirs.addAll(FALLBACK_DIRS);
    for (Path dir : dirs) {
      Path candidate = dir.resolve(name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail(
        name
            + " is not installed: install Debian's prometheus package"
            + " (apt-get install prometheus), as .ci/run does");
  }

  /** The outcome of a finished command: its exit code and everything it printed. */
  record Run(int exitCode, String output) {}

  /** Runs {@code promtool} with {@code arguments}, waiting at most a minute. */
  static Run promtool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary("promtool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // promtool prints little; reading to the end also waits for it to exit.
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return fail("promtool " + String.join(" ", arguments) + " did not finish: " + output);
    }
    return new Run(process.exitValue(), output);
  }
}
