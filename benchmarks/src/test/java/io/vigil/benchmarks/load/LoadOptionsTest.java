package io.vigil.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  @Test
  void parse_overridesTheDefaultsNamed() {
    LoadOptions options =
        LoadOptions.parse(
            "--store", "embedded",
            "--steady", "90s",
            "--overload", "500ms",
            "--server-property", "vigil.ingest.queue-capacity=1000",
            "--server-property", "vigil.ingest.max-body-bytes=1MB");

    assertThat(options.store()).isEqualTo(StoreKind.EMBEDDED);
    assertThat(options.steady()).isEqualTo(Duration.ofSeconds(90));
    assertThat(options.overload()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.serverProperties())
        .containsExactly("vigil.ingest.queue-capacity=1000", "vigil.ingest.max-body-bytes=1MB");
    assertThat(options.heap()).isEqualTo(LoadOptions.defaults().heap());
  }

  @Test
  void parse_unknownOption_namesIt() {
    assertThatThrownBy(() -> LoadOptions.parse("--rate", "5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--rate 5: unknown option");
  }

  @Test
  void parse_missingValue_isRefused() {
    assertThatThrownBy(() -> LoadOptions.parse("--steady"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--steady needs a value");
  }

  @Test
  void parse_overloadNotAboveOne_isRefused() {
    assertThatThrownBy(() -> LoadOptions.parse("--factor", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--factor must be above 1");
  }
}
