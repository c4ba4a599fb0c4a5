package io.vigil.simulation.score;

import java.util.Objects;

/**
 * One of the targets checked on a suite.
 *
 * @param name what is measured
 * @param target the target, in words
 * @param actual what the suite achieved, in words
 * @param met whether the target is met
 */
public record TargetCheck(String name, String target, String actual, boolean met) {

  public TargetCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(actual, "actual");
  }
}
