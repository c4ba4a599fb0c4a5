package io.vigil.tools.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CalibrationRowsTest {

  @Test
  void toBytes_roundTrip_keepsEveryRowAndClass() {
    CalibrationRows.Sampler sampler = new CalibrationRows.Sampler(10);
    sampler.accept("fraud", "fraud", 0.9);
    sampler.accept("ok", "fraud", 0.6);
    sampler.accept("ok", "ok", 0.75);
    CalibrationRows rows = sampler.rows();

    CalibrationRows read = CalibrationRows.fromBytes(rows.toBytes());

    assertThat(read.size()).isEqualTo(3);
    assertThat(read.classes()).containsExactly("fraud", "ok");
    assertThat(read.actual()).containsExactly(0, 1, 1);
    assertThat(read.predicted()).containsExactly(0, 0, 1);
    assertThat(read.confidence()).containsExactly(0.9f, 0.6f, 0.75f);
    assertThat(read.accuracy()).isEqualTo(2.0 / 3);
    assertThat(CalibrationRows.rowCount(rows.toBytes())).isEqualTo(3);
  }

  @Test
  void sampler_moreRowsThanCapacity_keepsAUniformSeededSample() {
    CalibrationRows.Sampler first = new CalibrationRows.Sampler(1_000);
    CalibrationRows.Sampler second = new CalibrationRows.Sampler(1_000);
    for (int i = 0; i < 100_000; i++) {
      String label = i < 50_000 ? "early" : "late";
      first.accept(label, label, 0.5);
      second.accept(label, label, 0.5);
    }

    CalibrationRows rows = first.rows();

    assertThat(rows.size()).isEqualTo(1_000);
    assertThat(first.seen()).isEqualTo(100_000);
    long early = Arrays.stream(rows.actual()).filter(index -> index == 0).count();
    // Binomial(1000, 0.5): 5 standard deviations are about 79 rows.
    assertThat(early).isBetween(421L, 579L);
    assertThat(second.rows().actual()).containsExactly(rows.actual());
  }

  @Test
  void fromBytes_truncatedBytes_areRefused() {
    CalibrationRows.Sampler sampler = new CalibrationRows.Sampler(10);
    sampler.accept("a", "b", 0.5);
    byte[] bytes = sampler.rows().toBytes();

    assertThatThrownBy(() -> CalibrationRows.fromBytes(Arrays.copyOf(bytes, bytes.length - 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void sampler_confidenceOutsideTheUnitInterval_isRefused() {
    CalibrationRows.Sampler sampler = new CalibrationRows.Sampler(10);

    assertThatThrownBy(() -> sampler.accept("a", "a", 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 1]");
  }
}
