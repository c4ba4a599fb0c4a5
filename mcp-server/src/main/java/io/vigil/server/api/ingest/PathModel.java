package io.vigil.server.api.ingest;

import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.Violation;
import java.util.ArrayList;
import java.util.List;

/** Labels posted under {@code /models/{model}/} must all be that model's. */
final class PathModel {

  private PathModel() {}

  /**
   * @throws BatchRejectedException naming every label of another model
   */
  static void requireAll(String model, List<LabelRecord> labels) {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      LabelRecord label = labels.get(i);
      if (!label.model().equals(model)) {
        violations.add(
            new Violation(
                i,
                label.requestId(),
                "model",
                "names model '"
                    + label.model()
                    + "' but was posted to /api/v1/models/"
                    + model
                    + "/labels; leave model out, or post to /api/v1/labels"));
      }
    }
    if (!violations.isEmpty()) {
      throw new BatchRejectedException(violations);
    }
  }
}
