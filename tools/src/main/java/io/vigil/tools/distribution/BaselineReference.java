package io.vigil.tools.distribution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The baseline a distribution is compared with.
 *
 * @param id the store's key
 * @param version the version it belongs to
 * @param source where it came from as stored (training data, or a window of traffic)
 * @param description free text given when it was made
 * @param from the start of the traffic window it summarizes, if it is one
 * @param to the end of that window
 * @param records records it summarizes
 * @param createdAt when it was made
 * @param choice why this baseline was chosen
 */
public record BaselineReference(
    long id,
    String version,
    String source,
    String description,
    Optional<Instant> from,
    Optional<Instant> to,
    long records,
    Instant createdAt,
    Choice choice) {

  /** How the baseline was picked. */
  public enum Choice {
    /** The newest baseline of the version asked about (or of the active version). */
    NEWEST_OF_VERSION,
    /** That version has none: the newest baseline of any of the model's versions. */
    NEWEST_OF_MODEL
  }

  public BaselineReference {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(choice, "choice");
  }
}
