package io.vigil.tools.store;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What tells two states of one stored profile apart, read without the profile itself: the head of
 * its bytes, which holds its kind, format, settings and its value and missing counts. A stored
 * profile only ever grows (every record adds a value or a missing one, and nothing takes records
 * out of a profile), so the same counts mean the same profile, and a profile that took in a late
 * record has a new version. Equal versions of one (model, version, span, window, feature) are
 * therefore equal profiles.
 *
 * @param head the first {@value #HEAD_BYTES} bytes of the stored profile (fewer if it is shorter),
 *     in hex
 */
public record ProfileVersion(String head) {

  /**
   * Bytes read for a version: the counts end at byte 34 in both kinds' layouts (kind, format, four
   * settings, count, missing), and the rest of the head costs nothing extra to compare.
   */
  public static final int HEAD_BYTES = 64;

  public ProfileVersion {
    if (head == null || head.isEmpty()) {
      throw new IllegalArgumentException("a profile version needs the head of the profile's bytes");
    }
  }

  /** The version of a profile stored as {@code bytes} (whole, or only its head). */
  public static ProfileVersion of(byte[] bytes) {
    return new ProfileVersion(
        HexFormat.of().formatHex(Arrays.copyOf(bytes, Math.min(bytes.length, HEAD_BYTES))));
  }
}
