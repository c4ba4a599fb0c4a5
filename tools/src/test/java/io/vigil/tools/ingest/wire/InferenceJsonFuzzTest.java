package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.InferenceRecord;
import java.io.IOException;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of the inference records reader behind {@code POST
 * /api/v1/inferences} and {@code vigil ingest FILE.ndjson}: whatever the bytes, it returns records
 * that keep their invariants or throws {@link BatchRejectedException}; never another exception, not
 * even an {@link IOException} (the stream here cannot fail).
 *
 * <p>In a normal build the target replays its committed inputs ({@code
 * InferenceJsonFuzzTestInputs/records/}) and the empty input; with {@code JAZZER_FUZZ=1} (the
 * {@code fuzz} profile) Jazzer mutates them for the time given, and an input that breaks the
 * contract is written beside them, to become a regression input once fixed. One target per class:
 * Jazzer fuzzes one per JVM.
 */
class InferenceJsonFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void records(byte[] input) throws IOException {
    InferenceJsonReader reader = new InferenceJsonReader(FuzzInputs.LIMITS);
    try {
      List<InferenceRecord> records = reader.read(FuzzInputs.body(input), FuzzInputs.format(input));

      assertThat(records)
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(FuzzInputs.LIMITS.maxRecordsPerBatch());
      records.forEach(FuzzInputs::wellFormed);
    } catch (BatchRejectedException refused) {
      assertThat(refused.violations()).isNotEmpty();
    }
  }
}
