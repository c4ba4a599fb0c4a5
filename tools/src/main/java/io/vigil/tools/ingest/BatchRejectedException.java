package io.vigil.tools.ingest;

import java.util.List;

/** A batch refused whole: nothing of it was stored. Carries every violation found. */
public class BatchRejectedException extends RuntimeException {

  /** At most this many violations are kept and reported; the count says how many there were. */
  public static final int MAX_REPORTED = 100;

  private final List<Violation> violations;
  private final int violationCount;

  public BatchRejectedException(List<Violation> violations) {
    this(violations, violations.size());
  }

  /**
   * For a reader that keeps only the first violations of a large batch and counts the rest.
   *
   * @param violations the violations kept (at most {@link #MAX_REPORTED} are reported)
   * @param violationCount how many violations were found in all
   */
  public BatchRejectedException(List<Violation> violations, int violationCount) {
    super(summary(violations, violationCount));
    if (violationCount < violations.size()) {
      throw new IllegalArgumentException("violationCount is smaller than the violations given");
    }
    this.violationCount = violationCount;
    this.violations = List.copyOf(violations.subList(0, Math.min(MAX_REPORTED, violations.size())));
  }

  public List<Violation> violations() {
    return violations;
  }

  public int violationCount() {
    return violationCount;
  }

  private static String summary(List<Violation> violations, int violationCount) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a rejected batch needs at least one violation");
    }
    return "batch refused, nothing stored: "
        + violationCount
        + (violationCount == 1 ? " problem: " : " problems, first: ")
        + violations.get(0);
  }
}
