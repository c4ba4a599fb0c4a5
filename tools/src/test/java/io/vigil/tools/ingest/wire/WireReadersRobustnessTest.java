package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.IngestLimits;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, a reader either returns records or throws {@link BatchRejectedException}: no
 * parser exception, no IllegalArgumentException, no other runtime exception escapes.
 */
class WireReadersRobustnessTest {

  private static final String JSON =
      "["
          + InferenceJsonCorpusTest.GOOD
          + ",\n"
          + InferenceJsonCorpusTest.GOOD.replace("r-1", "r-2")
          + "]";
  private static final String CSV =
      "request_id,timestamp,age,proba.fraud,segment.region,prediction,label\n"
          + "r-1,2026-11-02T10:00:00Z,31,0.9,eu,fraud,\"ok\"\n"
          + "r-2,1762077600000,\"4\"\"0\",0.1,us,ok,fraud\n";

  /** Characters that change a payload's structure or types when they land somewhere new. */
  private static final String TROUBLE = "{}[]\",:\\0-.eE+\n\r\t aN\u0000\u00e9\uFEFF";

  private static final int MUTATIONS = 2_000;

  private final InferenceJsonReader json = new InferenceJsonReader(InferenceJsonCorpusTest.LIMITS);
  private final LabelJsonReader labels = new LabelJsonReader(InferenceJsonCorpusTest.LIMITS);
  private final InferenceCsvReader csv =
      new InferenceCsvReader(IngestLimits.defaults()).withDefaultModel("m").withDefaultVersion("v");

  @Test
  void jsonReaders_everyTruncationAndMutation_eitherReadOrRefuse() {
    List<String> escaped = new ArrayList<>();

    for (String payload : variants(JSON, 1)) {
      for (WireFormat format : WireFormat.values()) {
        String text = format == WireFormat.NDJSON ? ndjson(payload) : payload;
        checkJson(text, format, escaped);
      }
    }

    assertThat(escaped).isEmpty();
  }

  @Test
  void csvReader_everyTruncationAndMutation_eitherReadOrRefuse() {
    List<String> escaped = new ArrayList<>();

    for (String payload : variants(CSV, 2)) {
      try {
        csv.readChunks(new StringReader(payload), "fuzz.csv", 1, chunk -> {});
      } catch (BatchRejectedException expected) {
        assertThat(expected.violations()).isNotEmpty();
      } catch (Exception | Error e) {
        escaped.add(e + " for " + payload);
      }
    }

    assertThat(escaped).isEmpty();
  }

  private void checkJson(String text, WireFormat format, List<String> escaped) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      json.read(new ByteArrayInputStream(bytes), format);
    } catch (BatchRejectedException expected) {
      // refused with violations: fine
    } catch (Exception | Error e) {
      escaped.add(e + " for " + format + " " + text);
    }
    try {
      labels.read(new ByteArrayInputStream(bytes), format);
    } catch (BatchRejectedException expected) {
      // the inference payload is not a label batch: refusing it is right
    } catch (Exception | Error e) {
      escaped.add(e + " for labels " + format + " " + text);
    }
  }

  /** Every prefix of the text, then seeded single- and multi-character mutations of it. */
  private static List<String> variants(String text, long seed) {
    List<String> variants = new ArrayList<>();
    for (int end = 0; end <= text.length(); end++) {
      variants.add(text.substring(0, end));
    }
    Random random = new Random(seed);
    for (int i = 0; i < MUTATIONS; i++) {
      StringBuilder mutated = new StringBuilder(text);
      int changes = 1 + random.nextInt(3);
      for (int c = 0; c < changes; c++) {
        int at = random.nextInt(mutated.length());
        char with = TROUBLE.charAt(random.nextInt(TROUBLE.length()));
        switch (random.nextInt(3)) {
          case 0 -> mutated.setCharAt(at, with);
          case 1 -> mutated.insert(at, with);
          default -> mutated.deleteCharAt(at);
        }
      }
      variants.add(mutated.toString());
    }
    return variants;
  }

  /** The array's records, one per line. */
  private static String ndjson(String array) {
    return array.replaceFirst("^\\[", "").replaceFirst("]$", "").replace(",\n", "\n");
  }
}
