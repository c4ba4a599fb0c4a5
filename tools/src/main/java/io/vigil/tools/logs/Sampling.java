package io.vigil.tools.logs;

/** Which of the matching records a search returns when more match than its limit. */
public enum Sampling {
  /** The most recent first. */
  NEWEST,
  /** The earliest first. */
  OLDEST,
  /**
   * A uniform random sample, reproducible from the query's seed, of the matching records among
   * those examined; returned newest first.
   */
  RANDOM
}
