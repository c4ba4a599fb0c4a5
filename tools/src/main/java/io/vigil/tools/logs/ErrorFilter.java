package io.vigil.tools.logs;

import java.util.Objects;
import java.util.Optional;

/**
 * Which records to keep by whether serving failed.
 *
 * @param condition failed, succeeded, or either
 * @param errorType for {@link ErrorCondition#FAILED}, only this error type, if given
 */
public record ErrorFilter(ErrorCondition condition, Optional<String> errorType) {

  /** Whether a request failed. */
  public enum ErrorCondition {
    /** Failed and served records alike. */
    ANY,
    /** Only records whose request failed (they carry an error type). */
    FAILED,
    /** Only records that were served without an error. */
    SUCCEEDED
  }

  /**
   * @throws IllegalArgumentException if an error type is given with a condition other than FAILED
   */
  public ErrorFilter {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(errorType, "errorType");
    if (errorType.isPresent() && condition != ErrorCondition.FAILED) {
      throw new IllegalArgumentException(
          "an error type selects failed records; use ErrorFilter.failedWith(type)");
    }
    if (errorType.isPresent() && errorType.get().isBlank()) {
      throw new IllegalArgumentException("the error type is blank; give one or leave it out");
    }
  }

  /** Failed and served records alike. */
  public static ErrorFilter any() {
    return new ErrorFilter(ErrorCondition.ANY, Optional.empty());
  }

  /** Records whose request failed, with any error type. */
  public static ErrorFilter failed() {
    return new ErrorFilter(ErrorCondition.FAILED, Optional.empty());
  }

  /** Records whose request failed with {@code errorType}. */
  public static ErrorFilter failedWith(String errorType) {
    return new ErrorFilter(ErrorCondition.FAILED, Optional.of(errorType));
  }

  /** Records that were served without an error. */
  public static ErrorFilter succeeded() {
    return new ErrorFilter(ErrorCondition.SUCCEEDED, Optional.empty());
  }
}
