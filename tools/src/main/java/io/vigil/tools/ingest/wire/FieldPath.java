package io.vigil.tools.ingest.wire;

/**
 * Paths that name a field inside a record: {@code features.age}, {@code embedding[3]}, {@code
 * probabilities.fraud}. Keys are cut short so that a hostile key does not flood an error message.
 */
final class FieldPath {

  /** Characters of a key shown in a path; longer keys end with an ellipsis. */
  static final int MAX_KEY_SHOWN = 64;

  private FieldPath() {}

  static String child(String parent, String key) {
    return parent + "." + shown(key);
  }

  static String element(String parent, int position) {
    return parent + "[" + position + "]";
  }

  /** A key (or value) as shown in a message: at most {@link #MAX_KEY_SHOWN} characters. */
  static String shown(String key) {
    return key.length() <= MAX_KEY_SHOWN ? key : key.substring(0, MAX_KEY_SHOWN) + "…";
  }
}
