package io.vigil.simulation.fault;

import static io.vigil.simulation.fault.FaultFixture.AFTER;
import static io.vigil.simulation.fault.FaultFixture.BEFORE;
import static io.vigil.simulation.fault.FaultFixture.HALFWAY;
import static io.vigil.simulation.fault.FaultFixture.WORLD;
import static io.vigil.simulation.fault.FaultFixture.accuracy;
import static io.vigil.simulation.fault.FaultFixture.faulted;
import static io.vigil.simulation.fault.FaultFixture.logit;
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
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Concept drift, prior shift and segment shift: the label rule changes, the inputs do not. */
class LabelRuleFaultTest {

  /** The sample world's amount: mean 120, sd 40, weight 3.5 on the standardised value. */
  private static final double AMOUNT_WEIGHT = 3.5;

  /** Log-odds are compared only where the probability is not too close to 0 or 1 to invert. */
  private static final double INVERTIBLE = 1e-6;

  private static final double LOGIT_TOLERANCE = 1e-4;

  @Test
  void conceptDrift_beforeOnset_changesNothing() {
    World drifted = faulted(make(sudden(FaultKind.CONCEPT_DRIFT, 1, 1, "amount")));

    List<Row> rows = rows(drifted, BEFORE, 0);

    assertThat(rows).isEqualTo(rows(WORLD, BEFORE, 0));
  }

  @Test
  void conceptDrift_afterOnset_flipsTheWeightAndTheModelLosesAccuracy() {
    World drifted = faulted(make(sudden(FaultKind.CONCEPT_DRIFT, 1, 1, "amount")));

    List<Row> rows = rows(drifted, AFTER, 0);
    List<Row> plain = rows(WORLD, AFTER, 0);

    assertLogOddsChange(rows, plain, r -> -2 * AMOUNT_WEIGHT * amountZ(r));
    assertThat(IntStream.range(0, rows.size()))
        .allSatisfy(i -> assertThat(rows.get(i).inputs()).isEqualTo(plain.get(i).inputs()));
    assertThat(accuracy(plain)).isGreaterThan(0.85);
    assertThat(accuracy(rows)).isLessThan(accuracy(plain) - 0.2);
  }

  @Test
  void conceptDrift_halfwayUpARamp_changesTheWeightHalfAsMuch() {
    World drifted = faulted(make(ramp(FaultKind.CONCEPT_DRIFT, 1, 1, "amount")));

    List<Row> rows = rows(drifted, HALFWAY, 0);

    assertLogOddsChange(rows, rows(WORLD, HALFWAY, 0), r -> -AMOUNT_WEIGHT * amountZ(r));
  }

  @Test
  void conceptDrift_categorical_scalesTheCategoryEffects() {
    World drifted = faulted(make(sudden(FaultKind.CONCEPT_DRIFT, 0.5, 1, "channel")));

    List<Row> rows = rows(drifted, AFTER, 0);

    // channel=web has effect 1.5, store -1.0, app none; magnitude 0.5 takes each to 0.
    assertLogOddsChange(
        rows, rows(WORLD, AFTER, 0), r -> -WORLD.spec().categorical().get(0).effect(channel(r)));
  }

  @Test
  void priorShift_addsTheMagnitudeToTheLogOdds_andMoreRowsArePositive() {
    World shifted = faulted(make(sudden(FaultKind.PRIOR_SHIFT, 1.5, 1, null)));

    List<Row> rows = rows(shifted, AFTER, 0);
    List<Row> plain = rows(WORLD, AFTER, 0);

    assertLogOddsChange(rows, plain, r -> 1.5);
    assertThat(share(rows, r -> r.label().equals("fraud")))
        .isGreaterThan(share(plain, r -> r.label().equals("fraud")) + 0.1);
    assertThat(rows(shifted, BEFORE, 0)).isEqualTo(rows(WORLD, BEFORE, 0));
  }

  @Test
  void priorShift_halfwayUpARamp_addsHalf() {
    World shifted = faulted(make(ramp(FaultKind.PRIOR_SHIFT, -2, 1, null)));

    List<Row> rows = rows(shifted, HALFWAY, 0);

    assertLogOddsChange(rows, rows(WORLD, HALFWAY, 0), r -> -1);
  }

  @Test
  void segmentShift_changesOnlyTheNamedSegment_onTheStrongestFeatureByDefault() {
    World shifted = faulted(make(segmentShift(Optional.empty())));

    List<Row> rows = rows(shifted, AFTER, 0);
    List<Row> plain = rows(WORLD, AFTER, 0);

    List<Row> eu = inRegion(rows, "eu", true);
    List<Row> plainEu = inRegion(plain, "eu", true);
    assertThat(inRegion(rows, "eu", false)).isEqualTo(inRegion(plain, "eu", false));
    assertLogOddsChange(eu, plainEu, r -> -2 * AMOUNT_WEIGHT * amountZ(r));
    assertThat(accuracy(eu)).isLessThan(accuracy(plainEu) - 0.2);
  }

  @Test
  void segmentShift_namedFeature_changesThatFeaturesWeight() {
    World shifted = faulted(make(segmentShift(Optional.of("age"))));

    List<Row> eu = inRegion(rows(shifted, AFTER, 0), "eu", true);

    // age: mean 40, sd 12, weight -2.
    assertLogOddsChange(
        eu,
        inRegion(rows(WORLD, AFTER, 0), "eu", true),
        r -> -2 * -2.0 * (numeric(r, "age") - 40) / 12);
  }

  private static FaultSpec segmentShift(Optional<String> feature) {
    return sudden(
        FaultKind.SEGMENT_SHIFT, 1, 1, feature, Optional.of("region=eu"), Optional.empty());
  }

  /** Each faulted row's log-odds differ from the plain row's by {@code expected} of the row. */
  private static void assertLogOddsChange(
      List<Row> faulted, List<Row> plain, ToDoubleFunction<Row> expected) {
    assertThat(faulted).hasSameSizeAs(plain);
    int compared = 0;
    for (int i = 0; i < faulted.size(); i++) {
      if (invertible(faulted.get(i)) && invertible(plain.get(i))) {
        assertThat(logit(faulted.get(i)) - logit(plain.get(i)))
            .as("row %d", faulted.get(i).index())
            .isCloseTo(expected.applyAsDouble(plain.get(i)), within(LOGIT_TOLERANCE));
        compared++;
      }
    }
    assertThat(compared).as("rows compared").isGreaterThan(faulted.size() / 2);
  }

  private static boolean invertible(Row row) {
    return row.positiveProbability() > INVERTIBLE && row.positiveProbability() < 1 - INVERTIBLE;
  }

  private static List<Row> inRegion(List<Row> rows, String region, boolean inside) {
    return rows.stream().filter(r -> r.segment().get("region").equals(region) == inside).toList();
  }

  private static double amountZ(Row row) {
    return (numeric(row, "amount") - 120) / 40;
  }

  private static double numeric(Row row, String feature) {
    return ((FeatureValue.Numeric) row.population().get(feature)).value();
  }

  private static String channel(Row row) {
    return ((FeatureValue.Text) row.population().get("channel")).value();
  }
}
