package io.vigil.simulation.fault;

import static io.vigil.simulation.fault.FaultFixture.AFTER;
import static io.vigil.simulation.fault.FaultFixture.BEFORE;
import static io.vigil.simulation.fault.FaultFixture.HALFWAY;
import static io.vigil.simulation.fault.FaultFixture.WORLD;
import static io.vigil.simulation.fault.FaultFixture.faulted;
import static io.vigil.simulation.fault.FaultFixture.make;
import static io.vigil.simulation.fault.FaultFixture.mean;
import static io.vigil.simulation.fault.FaultFixture.ramp;
import static io.vigil.simulation.fault.FaultFixture.rows;
import static io.vigil.simulation.fault.FaultFixture.share;
import static io.vigil.simulation.fault.FaultFixture.sudden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.simulation.fault.FaultFixture.Source;
import io.vigil.simulation.world.Row;
import io.vigil.simulation.world.World;
import io.vigil.tools.ingest.FeatureValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class CovariateShiftTest {

  /** The sample world's amount: mean 120, sd 40. */
  private static final double MEAN = 120;

  private static final double SD = 40;

  @Test
  void numeric_beforeOnset_changesNothing() {
    World shifted = faulted(make(sudden(FaultKind.COVARIATE_SHIFT, 2, 1, "amount")));

    List<Row> rows = rows(shifted, BEFORE, 0);

    assertThat(rows).isEqualTo(rows(WORLD, BEFORE, 0));
  }

  @Test
  void numeric_afterOnset_movesTheMeanByMagnitudeSds_andTheLabelsFollow() {
    World shifted = faulted(make(sudden(FaultKind.COVARIATE_SHIFT, 2, 1, "amount")));

    List<Row> rows = rows(shifted, AFTER, 0);

    assertThat(mean(rows, "amount", Source.POPULATION)).isCloseTo(MEAN + 2 * SD, within(0.1 * SD));
    assertThat(mean(rows, "amount", Source.INPUTS)).isCloseTo(MEAN + 2 * SD, within(0.1 * SD));
    assertThat(mean(rows, "age", Source.POPULATION)).isCloseTo(40, within(0.1 * 12));
    List<Row> plain = rows(WORLD, AFTER, 0);
    assertThat(share(rows, r -> r.label().equals("fraud")))
        .as("amount raises the odds of fraud, so more of the shifted rows are fraud")
        .isGreaterThan(share(plain, r -> r.label().equals("fraud")) + 0.2);
  }

  @Test
  void numeric_halfwayUpARamp_movesTheMeanHalfAsFar() {
    World shifted = faulted(make(ramp(FaultKind.COVARIATE_SHIFT, 2, 1, "amount")));

    List<Row> rows = rows(shifted, HALFWAY, 0);

    assertThat(mean(rows, "amount", Source.POPULATION)).isCloseTo(MEAN + SD, within(0.1 * SD));
  }

  @Test
  void numeric_halfShare_movesHalfTheRowsByTheFullShift() {
    World shifted = faulted(make(sudden(FaultKind.COVARIATE_SHIFT, 2, 0.5, "amount")));

    List<Row> rows = rows(shifted, AFTER, 0);
    List<Row> plain = rows(WORLD, AFTER, 0);

    assertThat(mean(rows, "amount", Source.POPULATION)).isCloseTo(MEAN + SD, within(0.1 * SD));
    long moved =
        java.util.stream.IntStream.range(0, rows.size())
            .filter(i -> !rows.get(i).population().equals(plain.get(i).population()))
            .count();
    assertThat(moved / (double) rows.size()).isCloseTo(0.5, within(0.03));
  }

  @Test
  void categorical_movesTheTouchedShareToTheLeastFrequentCategory() {
    World shifted = faulted(make(sudden(FaultKind.COVARIATE_SHIFT, 1, 0.5, "channel")));

    List<Row> before = rows(shifted, BEFORE, 0);
    List<Row> after = rows(shifted, AFTER, 0);

    // store is drawn 20% of the time; half of the other 80% join it.
    assertThat(share(before, r -> channel(r).equals("store"))).isCloseTo(0.2, within(0.03));
    assertThat(share(after, r -> channel(r).equals("store"))).isCloseTo(0.6, within(0.03));
    assertThat(after).allSatisfy(r -> assertThat(r.inputs()).isEqualTo(r.population()));
  }

  @Test
  void categorical_halfwayUpARamp_movesHalfAsMany() {
    World shifted = faulted(make(ramp(FaultKind.COVARIATE_SHIFT, 1, 0.5, "channel")));

    List<Row> rows = rows(shifted, HALFWAY, 0);

    assertThat(share(rows, r -> channel(r).equals("store"))).isCloseTo(0.4, within(0.03));
  }

  private static String channel(Row row) {
    return ((FeatureValue.Text) row.population().get("channel")).value();
  }
}
