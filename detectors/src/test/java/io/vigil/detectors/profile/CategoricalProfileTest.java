package io.vigil.detectors.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detectors.drift.FeatureSample;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategoricalProfileTest {

  private static final ProfileSettings LIMIT_TEN =
      ProfileSettings.defaults().withExactCategoryLimit(10);

  @Test
  void accept_nullCategory_isRefusedPointingToMissing() {
    CategoricalProfile profile = CategoricalProfile.create();

    assertThatThrownBy(() -> profile.accept(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acceptMissing");
  }

  @Test
  void state_fewCategories_hasExactCounts() {
    CategoricalProfile profile = profile(CategoricalProfile.create(), "b", "a", "b", "c", "b");
    profile.acceptMissing();

    CategoricalProfile.State state = profile.state();

    assertThat(state.count()).isEqualTo(5);
    assertThat(state.missing()).isEqualTo(1);
    assertThat(state.exactCounts()).contains(Map.of("a", 1L, "b", 3L, "c", 1L));
    assertThat(profile.frequentItems()).containsEntry("b", 3L);
  }

  @Test
  void accept_moreCategoriesThanTheLimit_dropsExactCountsButKeepsFrequentItems() {
    CategoricalProfile profile = CategoricalProfile.create(LIMIT_TEN.withFrequentItemsMapSize(16));
    for (int i = 0; i < 1000; i++) {
      profile.accept(i % 2 == 0 ? "common" : "rare-" + i);
    }

    CategoricalProfile.State state = profile.state();
    FeatureSample.Categorical sample = profile.toFeatureSample();

    assertThat(state.exactCounts()).isEmpty();
    assertThat(profile.frequentItems()).containsKey("common");
    assertThat(profile.frequentItems().get("common"))
        .isBetween(500 - state.maximumError(), 500 + state.maximumError());
    assertThat(sample.present()).isEqualTo(1000);
    assertThat(sample.counts()).containsKey(CategoricalProfile.OTHER_CATEGORIES);
  }

  @Test
  void combine_twoStreams_equalsOnePassOverBoth() {
    SplittableRandom random = new SplittableRandom(21);
    String[] first = categories(random, 5_000, 8);
    String[] second = categories(random, 7_000, 9);
    CategoricalProfile a = profile(CategoricalProfile.create(), first);
    a.acceptMissing();
    CategoricalProfile b = profile(CategoricalProfile.create(), second);
    CategoricalProfile onePass = profile(profile(CategoricalProfile.create(), first), second);
    onePass.acceptMissing();

    CategoricalProfile.State combined = a.combine(b).state();

    assertThat(combined).isEqualTo(onePass.state());
    assertThat(a.frequentItems()).isEqualTo(onePass.frequentItems());
  }

  @Test
  void combine_unionPastTheLimit_dropsExactCounts() {
    CategoricalProfile a = profile(CategoricalProfile.create(LIMIT_TEN), categories(0, 6));
    CategoricalProfile b = profile(CategoricalProfile.create(LIMIT_TEN), categories(6, 12));

    a.combine(b);

    assertThat(a.state().exactCounts()).isEmpty();
    assertThat(a.count()).isEqualTo(12);
  }

  @Test
  void fromBytes_roundTrip_givesTheSameProfile() {
    CategoricalProfile original =
        profile(CategoricalProfile.create(), categories(new SplittableRandom(22), 3_000, 20));
    original.accept("naïve ünïcode");
    original.acceptMissing();

    CategoricalProfile restored = CategoricalProfile.fromBytes(original.toBytes());

    assertThat(restored.state()).isEqualTo(original.state());
    assertThat(restored.frequentItems()).isEqualTo(original.frequentItems());
  }

  @Test
  void fromBytes_unknownVersionOrTruncated_isRefused() {
    byte[] bytes = profile(CategoricalProfile.create(), "a", "b").toBytes();
    byte[] future = bytes.clone();
    future[1] = 2;

    assertThatThrownBy(() -> CategoricalProfile.fromBytes(future))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format version 2");
    assertThatThrownBy(() -> CategoricalProfile.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  private static CategoricalProfile profile(CategoricalProfile profile, String... values) {
    for (String value : values) {
      profile.accept(value);
    }
    return profile;
  }

  private static String[] categories(SplittableRandom random, int n, int distinct) {
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      // Skewed: category k has weight proportional to 1 / (k + 1).
      values[i] = "c" + (int) Math.floor(Math.pow(distinct + 1, random.nextDouble()) - 1);
    }
    return values;
  }

  private static String[] categories(int from, int to) {
    String[] values = new String[to - from];
    for (int i = 0; i < values.length; i++) {
      values[i] = "c" + (from + i);
    }
    return values;
  }
}
