package io.vigil.server.api.query;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vigil.server.api.problems.InvalidParameterException;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.query.TimeWindow;

/**
 * The traffic window a baseline summarizes, {@code [from, to)}; widened to whole profile windows.
 * Both ends are instants with a zone, read like a time window's interval ({@code
 * 2026-11-02T00:00Z}, with or without seconds or an offset).
 *
 * @param from the window's start, ISO-8601
 * @param to the window's end (exclusive), ISO-8601
 */
@Schema(description = "A window of the version's own traffic to keep as its baseline.")
record BaselineWindow(
    @Schema(example = "2026-11-01T00:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
        String from,
    @Schema(example = "2026-11-02T00:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
        String to) {

  BaselineWindow {
    if (from == null || to == null || from.isBlank() || to.isBlank()) {
      throw new IllegalArgumentException(
          "name both ends of the window: {\"from\": \"2026-11-01T00:00:00Z\", \"to\":"
              + " \"2026-11-02T00:00:00Z\"}");
    }
  }

  /**
   * @throws InvalidParameterException naming {@code from}/{@code to} if they are not instants
   */
  TimeRange range() {
    try {
      TimeWindow window = TimeWindow.parse(from + "/" + to);
      if (window instanceof TimeWindow.Absolute absolute) {
        return absolute.range();
      }
      throw new IllegalArgumentException("from and to must both be instants");
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("from/to", e.getMessage(), e);
    }
  }
}
