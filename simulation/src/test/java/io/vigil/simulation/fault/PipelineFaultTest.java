package io.vigil.simulation.fault;

import static io.vigil.simulation.fault.FaultFixture.AFTER;
import static io.vigil.simulation.fault.FaultFixture.BEFORE;
import static io.vigil.simulation.fault.FaultFixture.HALFWAY;
import static io.vigil.simulation.fault.FaultFixture.WORLD;
import static io.vigil.simulation.fault.FaultFixture.faulted;
import static io.vigil.simulation.fault.FaultFixture.make;
import static io.vigil.simulation.fault.FaultFixture.ramp;
import static io.vigil.simulation.fault.FaultFixture.rows;
import static io.vigil.simulation.fault.FaultFixture.share;
import static io.vigil.simulation.fault.FaultFixture.sudden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.simulation.world.Row;
import io.vigil.simulation.world.World;
import io.vigil.tools.ingest.FeatureValue;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Missing values, unit change, stuck feature, new categories: the inputs change, not the truth. */
class PipelineFaultTest {

  private static final double SHARE_TOLERANCE = 0.03;

  @Test
  void missingValues_sendsTheShareAsNull_onlyAfterOnset() {
    World broken = faulted(make(sudden(FaultKind.MISSING_VALUES, 0, 0.3, "age")));

    List<Row> before = rows(broken, BEFORE, 0);
    List<Row> after = rows(broken, AFTER, 0);

    assertThat(before).isEqualTo(rows(WORLD, BEFORE, 0));
    assertThat(share(after, r -> r.inputs().get("age") == FeatureValue.Missing.INSTANCE))
        .isCloseTo(0.3, within(SHARE_TOLERANCE));
    assertTruthUnchanged(after, rows(WORLD, AFTER, 0));
  }

  @Test
  void missingValues_categoricalFeature_isSentAsNullToo() {
    World broken = faulted(make(sudden(FaultKind.MISSING_VALUES, 0, 0.2, "channel")));

    List<Row> after = rows(broken, AFTER, 0);

    assertThat(share(after, r -> r.inputs().get("channel") == FeatureValue.Missing.INSTANCE))
        .isCloseTo(0.2, within(SHARE_TOLERANCE));
  }

  @Test
  void missingValues_halfwayUpARamp_sendsHalfTheShareAsNull() {
    World broken = faulted(make(ramp(FaultKind.MISSING_VALUES, 0, 0.6, "age")));

    List<Row> halfway = rows(broken, HALFWAY, 0);

    assertThat(share(halfway, r -> r.inputs().get("age") == FeatureValue.Missing.INSTANCE))
        .isCloseTo(0.3, within(SHARE_TOLERANCE));
  }

  @Test
  void unitChange_multipliesTheTouchedShare_andLeavesTheRest() {
    World broken = faulted(make(sudden(FaultKind.UNIT_CHANGE, 1000, 0.4, "amount")));

    List<Row> after = rows(broken, AFTER, 0);
    List<Row> plain = rows(WORLD, AFTER, 0);

    int scaled = 0;
    for (int i = 0; i < after.size(); i++) {
      double sent = amount(after.get(i));
      double truth = amount(plain.get(i));
      if (sent != truth) {
        assertThat(sent).isCloseTo(1000 * truth, within(1e-9 * Math.abs(sent)));
        scaled++;
      }
    }
    assertThat(scaled / (double) after.size()).isCloseTo(0.4, within(SHARE_TOLERANCE));
    assertTruthUnchanged(after, plain);
    assertThat(rows(broken, BEFORE, 0)).isEqualTo(rows(WORLD, BEFORE, 0));
  }

  @Test
  void stuckFeature_sendsTheMagnitudeForTheShare() {
    World broken = faulted(make(sudden(FaultKind.STUCK_FEATURE, 0, 0.8, "amount")));

    List<Row> after = rows(broken, AFTER, 0);

    assertThat(share(after, r -> amount(r) == 0)).isCloseTo(0.8, within(SHARE_TOLERANCE));
    assertTruthUnchanged(after, rows(WORLD, AFTER, 0));
    assertThat(rows(broken, BEFORE, 0)).isEqualTo(rows(WORLD, BEFORE, 0));
  }

  @Test
  void stuckFeature_halfwayUpARamp_sticksHalfTheShare() {
    World broken = faulted(make(ramp(FaultKind.STUCK_FEATURE, 99, 1, "amount")));

    List<Row> halfway = rows(broken, HALFWAY, 0);

    assertThat(share(halfway, r -> amount(r) == 99)).isCloseTo(0.5, within(SHARE_TOLERANCE));
  }

  @Test
  void newCategories_sendsUnseenCategoriesForTheShare() {
    World broken = faulted(make(sudden(FaultKind.NEW_CATEGORIES, 0, 0.25, "channel")));

    List<Row> after = rows(broken, AFTER, 0);

    Set<String> known = WORLD.spec().categorical().get(0).weights().keySet();
    List<String> sent =
        after.stream().map(r -> ((FeatureValue.Text) r.inputs().get("channel")).value()).toList();
    assertThat(sent.stream().filter(c -> !known.contains(c)).count() / (double) sent.size())
        .isCloseTo(0.25, within(SHARE_TOLERANCE));
    assertThat(sent.stream().filter(c -> !known.contains(c)).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("channel-new-1", "channel-new-2", "channel-new-3");
    assertTruthUnchanged(after, rows(WORLD, AFTER, 0));
    assertThat(rows(broken, BEFORE, 0)).isEqualTo(rows(WORLD, BEFORE, 0));
  }

  /** The population, segment and label are the healthy world's. */
  private static void assertTruthUnchanged(List<Row> faulted, List<Row> plain) {
    assertThat(faulted).hasSameSizeAs(plain);
    for (int i = 0; i < faulted.size(); i++) {
      Row row = faulted.get(i);
      Row truth = plain.get(i);
      assertThat(row.population()).isEqualTo(truth.population());
      assertThat(row.segment()).isEqualTo(truth.segment());
      assertThat(row.label()).isEqualTo(truth.label());
      assertThat(row.positiveProbability()).isEqualTo(truth.positiveProbability());
    }
  }

  private static double amount(Row row) {
    return ((FeatureValue.Numeric) row.inputs().get("amount")).value();
  }
}
