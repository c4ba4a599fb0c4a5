package io.vigil.tools.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimestampsTest {

  @Test
  void randomInstantsInEveryFractionLength_parseAsTheIsoFormatterParsesThem() {
    SplittableRandom random = new SplittableRandom(20261126);
    for (int i = 0; i < 20_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
      String text = withFraction(instant, random.nextInt(10));

      assertThat(UtcTimestamps.parse(text)).as(text).isEqualTo(iso(text));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-29T00:00:00Z",
        "2026-12-31T23:59:59.999999999Z",
        "1970-01-01T00:00:00Z",
        "2026-11-02T10:15:30.1Z"
      })
  void validDates_parseLikeTheIsoFormatter(String text) {
    assertThat(UtcTimestamps.parse(text)).isEqualTo(iso(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-11-02T24:00:00Z",
        "2026-11-02T23:60:00Z",
        "2026-11-02T23:59:60Z",
        "2026-11-02T10:15:30z",
        "2026-11-02T10:15:30.Z",
        "2026-11-02T10:15:30.1234567890Z",
        "2026-11-02T10:15:30+01:00",
        "2026-11-02T10:15Z",
        "2026-11-02 10:15:30Z",
        "+026-11-02T10:15:30Z",
        "2026-1a-02T10:15:30Z",
        "2026-11-02T10:15:3-Z",
        "2026-11-02T10:15:30.-1Z"
      })
  void anythingElse_isLeftToTheGeneralParser(String text) {
    assertThat(UtcTimestamps.parse(text)).isNull();
  }

  private static String withFraction(Instant instant, int places) {
    String base =
        DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(instant.getEpochSecond()));
    if (places == 0) {
      return base;
    }
    String nanos = String.format("%09d", instant.getNano()).substring(0, places);
    return base.substring(0, base.length() - 1) + "." + nanos + "Z";
  }

  private static Instant iso(String text) {
    try {
      return DateTimeFormatter.ISO_ZONED_DATE_TIME.parse(text, Instant::from);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
