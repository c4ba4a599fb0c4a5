package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.LabelRecord;
import java.io.IOException;
import java.util.List;

/**
 * Coverage-guided fuzzing of the label reader behind {@code POST /api/v1/models/{model}/labels}:
 * labels that keep their invariants, or {@link BatchRejectedException}, and nothing else. Runs as
 * {@link InferenceJsonFuzzTest} does.
 */
class LabelJsonFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void labels(byte[] input) throws IOException {
    LabelJsonReader reader = new LabelJsonReader(FuzzInputs.LIMITS).withDefaultModel("credit");
    try {
      List<LabelRecord> labels = reader.read(FuzzInputs.body(input), FuzzInputs.format(input));

      assertThat(labels).isNotEmpty();
      for (LabelRecord label : labels) {
        assertThat(label.requestId()).isNotBlank();
        assertThat(label.model()).isNotBlank();
        assertThat(label.timestamp()).isNotNull();
      }
    } catch (BatchRejectedException refused) {
      assertThat(refused.violations()).isNotEmpty();
    }
  }
}
