package io.vigil.tools.logs;

import io.vigil.tools.query.TimeRange;
import java.util.Locale;

/** The plain-language sentence of a search's answer. */
final class LogSummary {

  private LogSummary() {}

  static String of(String model, LogQuery query, TimeRange range, ScanCounts counts) {
    String scope =
        String.format(
            Locale.ROOT,
            "%s (%s) in %s",
            model,
            query.version().map(v -> "version " + v).orElse("all versions"),
            range);
    String returned =
        String.format(Locale.ROOT, "returning %d %s", counts.returned(), order(query));
    return switch (counts.end()) {
      case COMPLETE ->
          String.format(
              Locale.ROOT,
              "%d records of %s match; %s (%d rows examined).",
              counts.matched(),
              scope,
              returned,
              counts.examined());
      case LIMIT_REACHED ->
          String.format(
              Locale.ROOT,
              "More than %d records of %s match; %s. The search stopped at the limit after"
                  + " examining %d rows.",
              counts.returned(),
              scope,
              returned,
              counts.examined());
      case TRUNCATED ->
          String.format(
              Locale.ROOT,
              "The scan of %s was TRUNCATED: it stopped at its limit of %d rows examined, the %s"
                  + " in the window, and %d of them match; %s. Narrow the window or add store-side"
                  + " filters (version, error, correctness, confidence) to search it all.",
              scope,
              counts.examined(),
              query.sampling() == Sampling.OLDEST ? "oldest" : "newest",
              counts.matched(),
              returned);
    };
  }

  private static String order(LogQuery query) {
    return switch (query.sampling()) {
      case NEWEST -> "newest first";
      case OLDEST -> "oldest first";
      case RANDOM -> "at random (seed " + query.seed() + ")";
    };
  }
}
