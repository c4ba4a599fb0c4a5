package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.tools.ingest.BatchRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the CSV reader of {@code vigil ingest FILE.csv}, over bytes decoded as
 * a file is (bytes that are not UTF-8 included): chunks of records that keep their invariants, or
 * {@link BatchRejectedException}, and nothing else. Runs as {@link InferenceJsonFuzzTest} does.
 */
class InferenceCsvFuzzTest {

  private static final int CHUNK_ROWS = 3;

  @FuzzTest(maxDuration = "10s")
  void rows(byte[] input) throws IOException {
    InferenceCsvReader reader =
        new InferenceCsvReader(FuzzInputs.LIMITS)
            .withDefaultModel("credit")
            .withDefaultVersion("v1");
    Reader csv =
        new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8.newDecoder());
    try {
      long rows =
          reader.readChunks(
              csv,
              "fuzz.csv",
              CHUNK_ROWS,
              chunk -> {
                assertThat(chunk.records()).isNotEmpty().hasSizeLessThanOrEqualTo(CHUNK_ROWS);
                chunk.records().forEach(FuzzInputs::wellFormed);
              });

      assertThat(rows).isPositive();
    } catch (BatchRejectedException refused) {
      assertThat(refused.violations()).isNotEmpty();
    }
  }
}
