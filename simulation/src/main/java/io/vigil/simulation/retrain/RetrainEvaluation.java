package io.vigil.simulation.retrain;

import io.vigil.simulation.model.Evaluation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A retrain's evidence: the candidate and the serving version scored on the same held-out recent
 * labelled requests.
 *
 * @param from the start of the labelled window trained on (inclusive)
 * @param to its end (exclusive)
 * @param servingVersion the version serving when the retrain ran
 * @param trainedOn labelled requests the candidate was trained on
 * @param candidate the candidate on the held-out requests
 * @param serving the serving version on the same requests
 * @param verdict whether the candidate is deployed
 */
public record RetrainEvaluation(
    Instant from,
    Instant to,
    String servingVersion,
    int trainedOn,
    Evaluation candidate,
    Evaluation serving,
    Verdict verdict) {

  public RetrainEvaluation {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(servingVersion, "servingVersion");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(serving, "serving");
    Objects.requireNonNull(verdict, "verdict");
    if (candidate.examples() != serving.examples()) {
      throw new IllegalArgumentException("candidate and serving version are scored on one sample");
    }
  }

  /** The figures as version metadata: strings, named with their units. */
  public Map<String, String> metadata() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("retrain_from", from.toString());
    metadata.put("retrain_to", to.toString());
    metadata.put("retrain_trained_on", Integer.toString(trainedOn));
    metadata.put("retrain_held_out", Integer.toString(candidate.examples()));
    metadata.put("retrain_candidate_accuracy", format(candidate.accuracy()));
    metadata.put("retrain_serving_version", servingVersion);
    metadata.put("retrain_serving_accuracy", format(serving.accuracy()));
    return metadata;
  }

  /** One sentence with the key numbers, for the execution's detail. */
  public String summary() {
    return "trained on "
        + trainedOn
        + " labelled requests served in ["
        + from
        + ", "
        + to
        + "); on the "
        + candidate.examples()
        + " most recent held out the candidate scored "
        + format(candidate.accuracy())
        + " against "
        + servingVersion
        + "'s "
        + format(serving.accuracy());
  }

  private static String format(double accuracy) {
    return String.format(Locale.ROOT, "%.4f", accuracy);
  }
}
