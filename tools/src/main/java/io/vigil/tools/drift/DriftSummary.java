package io.vigil.tools.drift;

import io.vigil.detectors.dynamics.Risk;
import java.util.List;
import java.util.Locale;

/** The plain-language summary of a {@link DriftResponse}. */
final class DriftSummary {

  /** At most this many drifted features are named in a summary. */
  private static final int NAMED_FEATURES = 3;

  private DriftSummary() {}

  static String empty(DriftQuery query, String why) {
    return head(query) + why + ".";
  }

  static String of(DriftQuery query, DriftResponse response) {
    StringBuilder text = new StringBuilder(head(query));
    BaselineUsed used = response.baseline().orElseThrow();
    text.append("against baseline #")
        .append(used.baseline().id())
        .append(" (")
        .append(used.baseline().description())
        .append(
            used.choice() == BaselineChoice.OTHER_VERSION
                ? "; of version " + used.baseline().version() + ", as this version has none"
                : "")
        .append("), ")
        .append(response.currentRecords())
        .append(" records: ");
    DatasetDrift dataset = response.dataset();
    text.append(
        format(
            "%s, %d of %d tested features drifted",
            response.status() == DriftStatus.DATASET_DRIFT ? "dataset drift" : "no dataset drift",
            dataset.driftedFeatures(),
            dataset.testedFeatures()));
    List<FeatureDriftResult> drifted =
        response.features().stream().filter(f -> f.verdict() == DriftVerdict.DRIFTED).toList();
    for (int i = 0; i < Math.min(NAMED_FEATURES, drifted.size()); i++) {
      text.append(i == 0 ? " (" : ", ").append(feature(drifted.get(i)));
    }
    text.append(drifted.isEmpty() ? "" : ")").append('.');
    rising(response).ifPresent(text::append);
    return text.append(others(response)).toString();
  }

  /** What the prediction and embedding comparisons found. */
  private static String others(DriftResponse response) {
    StringBuilder text = new StringBuilder();
    response
        .prediction()
        .ifPresent(
            p ->
                text.append(
                    p.verdict() == DriftVerdict.DRIFTED
                        ? " The prediction's distribution drifted."
                        : " The prediction's distribution did not drift."));
    response
        .embedding()
        .ifPresent(
            e ->
                text.append(
                    e.drifted() ? " The embeddings drifted." : " The embeddings did not drift."));
    return text.toString();
  }

  private static String head(DriftQuery query) {
    return query.model().name()
        + " "
        + query.version().version()
        + (query.versionChoice() == VersionChoice.ACTIVE ? " (active version)" : "")
        + ", "
        + query.range()
        + " (widened to whole "
        + query.grid().describe()
        + " windows): ";
  }

  private static String feature(FeatureDriftResult feature) {
    return format(
        "%s: %s %.3f",
        feature.feature(),
        feature.effectSizeName().orElse("effect"),
        feature.effectSize().orElse(Double.NaN));
  }

  /** The features whose drift score is at or heading for its alarm, if any. */
  private static java.util.Optional<String> rising(DriftResponse response) {
    List<String> warned =
        response.features().stream()
            .filter(
                f ->
                    f.dynamics().isPresent()
                        && f.dynamics().get().risk().compareTo(Risk.WARNING) >= 0)
            .map(
                f ->
                    f.feature()
                        + " "
                        + f.dynamics().get().risk()
                        + " ("
                        + f.dynamics().get().reason()
                        + ")")
            .toList();
    return warned.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(" Drift score dynamics: " + String.join("; ", warned) + ".");
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
