package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.ingest.FeatureJson;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.IngestLimits;
import java.io.ByteArrayInputStream;
import java.util.Arrays;

/**
 * What the ingest fuzz tests share: small limits, the split of an input into a format and a body,
 * and the invariants every record a reader returns must keep.
 *
 * <p>An input's first byte picks the format: even for a JSON array, odd for NDJSON ({@code 0[...]}
 * and {@code 1{...}} in the seed files); the rest is the body.
 */
final class FuzzInputs {

  /** Small limits, so that the fuzzer reaches them in short inputs. */
  static final IngestLimits LIMITS = new IngestLimits(64, 20, 40, 200, 16, 8, 20);

  private FuzzInputs() {}

  static WireFormat format(byte[] input) {
    return input.length == 0 || (input[0] & 1) == 0 ? WireFormat.JSON_ARRAY : WireFormat.NDJSON;
  }

  static ByteArrayInputStream body(byte[] input) {
    return new ByteArrayInputStream(
        input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length));
  }

  static void wellFormed(InferenceRecord record) {
    assertThat(record.requestId()).isNotBlank();
    assertThat(record.model()).isNotBlank();
    assertThat(record.version()).isNotBlank();
    assertThat(record.timestamp()).isNotNull();
    record.confidence().ifPresent(c -> assertThat(c).isBetween(0.0, 1.0));
    record.latencyMs().ifPresent(l -> assertThat(l).isNotNegative());
    // The column keeps the literals received; they must read back as exactly these values.
    assertThat(FeatureJson.read(FeatureJson.write(record.features())))
        .as("the stored features column of %s", record.features())
        .isEqualTo(record.features());
  }
}
