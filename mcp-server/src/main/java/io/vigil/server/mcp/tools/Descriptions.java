package io.vigil.server.mcp.tools;

/** Argument descriptions several tools share, written for the model that reads them. */
final class Descriptions {

  static final String MODEL =
      "The registered model's name, e.g. \"fraud-detector\". Call list_models for the names.";

  static final String VERSION_ALL =
      "One version's name, e.g. \"v2\". Leave it out for every version (each reported apart).";

  static final String VERSION_ACTIVE =
      "One version's name, e.g. \"v2\". Leave it out for the active version (the one serving most"
          + " of the traffic now).";

  private static final String WINDOW_FORMAT =
      "A relative length such as \"30m\", \"24h\" or \"7d\", which ends at the model's latest"
          + " record (so replayed and backfilled data work); add \"@now\" (\"24h@now\") to end at"
          + " the current time instead; or an ISO-8601 interval such as"
          + " \"2026-11-02T00:00Z/2026-11-03T00:00Z\" (start inclusive, end exclusive).";

  static final String DEFAULT_WINDOW = "24h";

  private Descriptions() {}

  /** The description of a time window argument, with what it is for and its default. */
  static String window(String purpose) {
    return purpose + ". " + WINDOW_FORMAT + " Default: \"" + DEFAULT_WINDOW + "\".";
  }

  static final String GRANULARITY =
      "The length of each time bucket, a whole multiple of the profile window (5 minutes by"
          + " default), e.g. \"5m\", \"1h\", \"1d\". Leave it out for at most 48 buckets.";
}
