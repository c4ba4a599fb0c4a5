package io.vigil.simulation.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.tools.ingest.FeatureValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class WorldTest {

  private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
  private static final int ROWS = 20_000;

  @Test
  void row_sameSeed_givesTheSameRows() {
    World first = new World(SampleWorld.fraud(), 42);
    World second = new World(SampleWorld.fraud(), 42);

    List<Row> a = rows(first, 200);
    List<Row> b = rows(second, 200);

    assertThat(a).isEqualTo(b);
  }

  @Test
  void row_otherSeed_givesOtherRows() {
    List<Row> a = rows(new World(SampleWorld.fraud(), 42), 200);

    List<Row> b = rows(new World(SampleWorld.fraud(), 43), 200);

    assertThat(a).isNotEqualTo(b);
    assertThat(a.get(0).population()).isNotEqualTo(b.get(0).population());
  }

  @Test
  void row_madeInAnyOrder_isTheSameRow() {
    World world = new World(SampleWorld.fraud(), 7);
    Row later = world.row(500, AT);

    world.row(3, AT);
    Row again = world.row(500, AT);

    assertThat(again).isEqualTo(later);
  }

  @Test
  void rows_followTheSpecsDistributions() {
    World world = new World(SampleWorld.fraud(), 11);

    List<Row> rows = rows(world, ROWS);

    double[] amounts = rows.stream().mapToDouble(r -> numeric(r, "amount")).toArray();
    double mean = java.util.Arrays.stream(amounts).average().orElseThrow();
    double sd =
        Math.sqrt(java.util.Arrays.stream(amounts).map(a -> (a - mean) * (a - mean)).sum() / ROWS);
    assertThat(mean).isCloseTo(120, within(1.0));
    assertThat(sd).isCloseTo(40, within(1.0));
    assertThat(share(rows, r -> text(r, "channel").equals("web"))).isCloseTo(0.5, within(0.015));
    assertThat(share(rows, r -> r.segment().get("region").equals("apac")))
        .isCloseTo(0.2, within(0.015));
  }

  @Test
  void labels_followTheLabelRulesProbability() {
    World world = new World(SampleWorld.fraud(), 5);

    List<Row> rows = rows(world, ROWS);

    double expected = rows.stream().mapToDouble(Row::positiveProbability).average().orElseThrow();
    assertThat(share(rows, r -> r.label().equals("fraud"))).isCloseTo(expected, within(0.015));
    assertThat(share(rows, r -> r.label().equals("fraud") == r.positiveProbability() > 0.5))
        .as("a well-separated world: the likelier class is usually the label")
        .isGreaterThan(0.85);
  }

  @Test
  void inputsTransform_changesWhatTheModelSeesNotTheTruth() {
    World plain = new World(SampleWorld.fraud(), 9);
    World broken = plain.withTransform(new ScaleAmount(100));

    Row before = plain.row(17, AT);
    Row after = broken.row(17, AT);

    assertThat(numeric(after, "amount")).isCloseTo(100 * numeric(before, "amount"), within(1e-9));
    assertThat(after.population()).isEqualTo(before.population());
    assertThat(after.label()).isEqualTo(before.label());
  }

  @Test
  void populationTransform_changesTheFeaturesTheLabelFollows() {
    World plain = new World(SampleWorld.fraud(), 9);
    World shifted = plain.withTransform(new ShiftPopulationAmount(200));

    List<Row> before = rows(plain, 2_000);
    List<Row> after = rows(shifted, 2_000);

    assertThat(share(after, r -> r.label().equals("fraud")))
        .isGreaterThan(share(before, r -> r.label().equals("fraud")) + 0.2);
    assertThat(after.get(0).inputs()).isEqualTo(after.get(0).population());
  }

  @Test
  void logOddsTransform_flipsTheLabelsButNotTheInputs() {
    World plain = new World(SampleWorld.fraud(), 3);
    World flipped = plain.withTransform(new NegateLogOdds());

    List<Row> before = rows(plain, 2_000);
    List<Row> after = rows(flipped, 2_000);

    assertThat(after.get(0).inputs()).isEqualTo(before.get(0).inputs());
    double agreeing =
        LongStream.range(0, 2_000)
                .filter(i -> before.get((int) i).label().equals(after.get((int) i).label()))
                .count()
            / 2_000.0;
    assertThat(agreeing).as("labels agree only where the rule was unsure").isLessThan(0.3);
  }

  private static List<Row> rows(World world, int count) {
    return LongStream.range(0, count).mapToObj(i -> world.row(i, AT.plusSeconds(i))).toList();
  }

  private static double numeric(Row row, String feature) {
    return ((FeatureValue.Numeric) row.inputs().get(feature)).value();
  }

  private static String text(Row row, String feature) {
    return ((FeatureValue.Text) row.inputs().get(feature)).value();
  }

  private static double share(List<Row> rows, java.util.function.Predicate<Row> test) {
    return rows.stream().filter(test).count() / (double) rows.size();
  }

  /** A pipeline unit bug: {@code amount} multiplied by a factor. */
  private record ScaleAmount(double factor) implements RowTransform {
    @Override
    public Map<String, FeatureValue> inputs(
        Draw draw, Map<String, FeatureValue> inputs, SplittableRandom random) {
      Map<String, FeatureValue> changed = new LinkedHashMap<>(inputs);
      double amount = ((FeatureValue.Numeric) inputs.get("amount")).value();
      changed.put("amount", new FeatureValue.Numeric(amount * factor));
      return changed;
    }
  }

  /** Covariate shift: {@code amount} moved by a constant before labelling. */
  private record ShiftPopulationAmount(double shift) implements RowTransform {
    @Override
    public Draw population(Draw draw, SplittableRandom random) {
      Map<String, FeatureValue> changed = new HashMap<>(draw.features());
      double amount = ((FeatureValue.Numeric) draw.features().get("amount")).value();
      changed.put("amount", new FeatureValue.Numeric(amount + shift));
      Map<String, FeatureValue> ordered = new LinkedHashMap<>(draw.features());
      ordered.putAll(changed);
      return draw.withFeatures(ordered);
    }
  }

  /** Concept drift at its most extreme: the label rule reversed. */
  private record NegateLogOdds() implements RowTransform {
    @Override
    public double logOdds(Draw draw, double logOdds, SplittableRandom random) {
      return -logOdds;
    }
  }
}
