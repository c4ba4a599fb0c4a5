package io.vigil.detectors.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceCasesTest {

  @Test
  void referenceFile_namesItsGeneratorAndCoversTheRequiredRange() {
    assertThat(ReferenceCases.header().get("scipy").asText()).startsWith("1.17");
    assertThat(ReferenceCases.header().get("command").asText()).contains("generate_reference.py");

    long numeric = ReferenceCases.ofKind("numeric").count();
    long all = numeric + ReferenceCases.ofKind("categorical").count();
    int smallest =
        ReferenceCases.ofKind("numeric").mapToInt(c -> c.reference().length).min().orElseThrow();
    int largest =
        ReferenceCases.ofKind("numeric").mapToInt(c -> c.reference().length).max().orElseThrow();

    assertThat(all).isGreaterThanOrEqualTo(300);
    assertThat(smallest).isEqualTo(5);
    assertThat(largest).isEqualTo(100_000);
  }
}
