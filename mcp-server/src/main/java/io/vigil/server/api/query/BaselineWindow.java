package io.vigil.server.api.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The traffic window a baseline summarizes, {@code [from, to)}; widened to whole profile windows.
 *
 * @param from the window's start, ISO-8601
 * @param to the window's end (exclusive), ISO-8601
 */
@Schema(description = "A window of the version's own traffic to keep as its baseline.")
record BaselineWindow(
    @Schema(example = "2026-11-01T00:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
        Instant from,
    @Schema(example = "2026-11-02T00:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
        Instant to) {

  BaselineWindow {
    if (from == null || to == null) {
      throw new IllegalArgumentException(
          "name both ends of the window: {\"from\": \"2026-11-01T00:00:00Z\", \"to\":"
              + " \"2026-11-02T00:00:00Z\"}");
    }
  }
}
