package io.vigil.tools.drift;

import io.vigil.tools.baseline.Baseline;
import java.util.Objects;

/**
 * The baseline a drift answer compared with.
 *
 * @param baseline what it is (id, version, source, description, rows)
 * @param choice the version's own, or the model's newest of another version
 */
public record BaselineUsed(Baseline baseline, BaselineChoice choice) {

  public BaselineUsed {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(choice, "choice");
  }
}
