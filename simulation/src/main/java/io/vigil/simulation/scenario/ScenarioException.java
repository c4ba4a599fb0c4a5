package io.vigil.simulation.scenario;

import java.util.Objects;

/**
 * A scenario or world file that cannot be read: its message names the file, the field (a path such
 * as {@code faults[1].magnitude}, or a line and column for a syntax error) and what is wrong.
 */
public final class ScenarioException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final String field;
  private final String problem;

  /**
   * A problem in {@code source} at {@code field}.
   *
   * @param source the file's name or path
   * @param field where in it, e.g. {@code traffic.window}; empty for the document as a whole
   * @param problem what is wrong and, where it helps, what is allowed
   */
  public ScenarioException(String source, String field, String problem) {
    super(message(source, field, problem));
    this.source = Objects.requireNonNull(source, "source");
    this.field = Objects.requireNonNull(field, "field");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The file's name or path. */
  public String source() {
    return source;
  }

  /** Where in the file, e.g. {@code faults[1].magnitude}; empty for the whole document. */
  public String field() {
    return field;
  }

  /** What is wrong. */
  public String problem() {
    return problem;
  }

  private static String message(String source, String field, String problem) {
    return field.isEmpty() ? source + ": " + problem : source + ": " + field + ": " + problem;
  }
}
