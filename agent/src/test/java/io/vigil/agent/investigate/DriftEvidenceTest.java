package io.vigil.agent.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.drift.DriftVerdict;
import io.vigil.tools.drift.FeatureDriftResult;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DriftEvidenceTest {

  private static FeatureDriftResult feature(int rank, String name, long missingNow) {
    return new FeatureDriftResult(
        rank,
        name,
        DriftVerdict.STABLE,
        Optional.of("ks"),
        Optional.of("KS distance"),
        OptionalDouble.of(0.01),
        OptionalDouble.of(0.5),
        OptionalDouble.of(0.5),
        OptionalDouble.of(0.01),
        OptionalDouble.of(0.05),
        Optional.empty(),
        1_000,
        10,
        1_000 - missingNow,
        missingNow,
        Optional.empty(),
        "none");
  }

  @Test
  void forQuality_featuresLosingValues_comeFirstWhateverTheirDriftRank() {
    List<FeatureDriftResult> ranked =
        List.of(
            feature(1, "amount", 10),
            feature(2, "age", 10),
            feature(3, "zip", 300),
            feature(4, "tenure", 10),
            feature(5, "income", 600));

    List<String> order = DriftEvidence.forQuality(ranked);

    assertThat(order).containsExactly("income", "zip", "amount", "age", "tenure");
  }
}
