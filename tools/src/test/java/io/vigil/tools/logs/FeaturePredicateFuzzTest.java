package io.vigil.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.tools.registry.FeatureKind;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the feature-predicate parser behind the logs' {@code where}: any text
 * is either refused with an {@link IllegalArgumentException} or read as a predicate whose text form
 * reads back as the same predicate, and which either types for each kind of feature or is refused
 * for it with an {@link IllegalArgumentException}. See {@code InferenceJsonFuzzTest} for how the
 * targets run.
 */
class FeaturePredicateFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    FeaturePredicate predicate;
    try {
      predicate = FeaturePredicate.parse(text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }

    assertThat(FeaturePredicate.parse(predicate.toString())).isEqualTo(predicate);
    for (FeatureKind kind : FeatureKind.values()) {
      try {
        assertThat(predicate.typedFor(kind)).isNotNull();
      } catch (IllegalArgumentException refused) {
        assertThat(refused.getMessage()).isNotBlank();
      }
    }
  }
}
