package io.vigil.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenariosTest {

  @Test
  void shipped_loadsEveryIndexedFile() {
    List<Scenario> shipped = Scenarios.shipped();

    assertThat(shipped).hasSizeGreaterThanOrEqualTo(2);
  }
}
