package io.vigil.server.mcp.tools;

import java.util.List;
import java.util.Objects;

/**
 * A tool's successful answer before it is rendered.
 *
 * @param structured the answer, whose type's schema is the tool's output schema
 * @param figures the key figures in plain words, built from numbers and registered names only
 * @param dataLabel what {@code ingestedValues} are, e.g. "Segments named above"
 * @param ingestedValues values from ingested records the figures refer to, shown in a data block
 * @param hint how to ask for what a size cut removed, e.g. "ask for fewer features"
 * @param cuts what the tool itself left out of {@code structured} (e.g. features past the asked
 *     number), reported under {@code truncated} beside the size cap's own cuts
 */
record ToolAnswer(
    Record structured,
    String figures,
    String dataLabel,
    List<String> ingestedValues,
    String hint,
    List<Truncation> cuts) {

  ToolAnswer {
    Objects.requireNonNull(structured, "structured");
    Objects.requireNonNull(figures, "figures");
    Objects.requireNonNull(dataLabel, "dataLabel");
    ingestedValues = List.copyOf(ingestedValues);
    Objects.requireNonNull(hint, "hint");
    cuts = List.copyOf(cuts);
  }

  /** An answer whose figures mention no value from ingested records. */
  static ToolAnswer of(Record structured, String figures, String hint) {
    return new ToolAnswer(structured, figures, "", List.of(), hint, List.of());
  }

  /** This answer, also reporting {@code moreCuts} the tool made. */
  ToolAnswer withCuts(List<Truncation> moreCuts) {
    List<Truncation> all = new java.util.ArrayList<>(cuts);
    all.addAll(moreCuts);
    return new ToolAnswer(structured, figures, dataLabel, ingestedValues, hint, all);
  }

  /**
   * This answer, its figures naming {@code values} from ingested records, labelled {@code label}.
   */
  ToolAnswer withIngestedValues(String label, List<String> values) {
    return new ToolAnswer(structured, figures, label, values, hint, cuts);
  }

  /** The text content: the figures, then the ingested values they name, delimited as data. */
  String text() {
    return figures + DataBlock.of(dataLabel, ingestedValues);
  }
}
