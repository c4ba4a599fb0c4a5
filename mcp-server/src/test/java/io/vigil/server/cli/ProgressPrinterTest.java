package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong clock = new AtomicLong();
  private final StringWriter err = new StringWriter();
  private final ProgressPrinter printer =
      new ProgressPrinter(new PrintWriter(err), "reading", clock::get);
  private final Path file = Path.of("data", "current.csv");

  @Test
  void update_shortRead_printsNothing() {
    printer.update(file, 1000, 500, 1000);
    clock.set(SECOND / 2);
    printer.update(file, 2000, 1000, 1000);

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void update_longRead_printsAtMostOncePerSecondAndAClosingLine() {
    clock.set(SECOND / 2);
    printer.update(file, 100, 100, 1000);
    clock.set(SECOND + 1);
    printer.update(file, 250_000, 250, 1000);
    clock.set(SECOND + 2);
    printer.update(file, 260_000, 260, 1000);
    clock.set(3 * SECOND);
    printer.update(file, 1_000_000, 1000, 1000);

    assertThat(err.toString().lines())
        .containsExactly(
            "reading current.csv:  25% (250,000 rows, 1.0 s)",
            "reading current.csv: 100% (1,000,000 rows, 3.0 s)");
  }
}
