package io.vigil.simulation.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorldSpecTest {

  private static final SegmentSpec REGION = new SegmentSpec("region", Map.of("eu", 1.0));
  private static final LabelRule RULE = new LabelRule(0, 0, "yes", "no");

  @Test
  void featureNames_listsNumericThenCategorical() {
    WorldSpec spec = SampleWorld.fraud();

    List<String> names = spec.featureNames();

    assertThat(names).containsExactly("amount", "age", "tenure", "channel");
  }

  @Test
  void constructor_featureNamedTwice_isRefusedNamingIt() {
    List<NumericFeature> numeric = List.of(new NumericFeature("x", 0, 1, 1));
    List<CategoricalFeature> categorical =
        List.of(new CategoricalFeature("x", Map.of("a", 1.0), Map.of()));

    assertThatThrownBy(() -> new WorldSpec("w", numeric, categorical, REGION, RULE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names feature 'x' twice");
  }

  @Test
  void constructor_noFeatures_isRefused() {
    assertThatThrownBy(() -> new WorldSpec("w", List.of(), List.of(), REGION, RULE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one feature");
  }

  @Test
  void categoricalFeature_effectForAnUndrawnCategory_isRefused() {
    assertThatThrownBy(
            () -> new CategoricalFeature("channel", Map.of("web", 1.0), Map.of("fax", 2.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("category 'fax' it never draws");
  }

  @Test
  void numericFeature_zeroSd_isRefused() {
    assertThatThrownBy(() -> new NumericFeature("amount", 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sd of 'amount' must be > 0");
  }

  @Test
  void labelRule_sameClassTwice_isRefused() {
    assertThatThrownBy(() -> new LabelRule(0, 0, "yes", "yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different names");
  }

  @Test
  void segmentSpec_nonPositiveWeight_isRefused() {
    assertThatThrownBy(() -> new SegmentSpec("region", Map.of("eu", 0.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region=eu must be > 0");
  }
}
