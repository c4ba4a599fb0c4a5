package io.vigil.tools.drift;

/** How the examined version was chosen. */
public enum VersionChoice {
  /** The request named it. */
  REQUESTED,
  /** The request named none: the version serving most of the traffic now. */
  ACTIVE
}
