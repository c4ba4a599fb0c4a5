package io.vigil.detectors.profile;

/** Writes and reads {@link ProfileSettings} inside a profile's bytes. */
final class SettingsBytes {

  private SettingsBytes() {}

  static void write(ProfileBytes.Writer out, ProfileSettings settings) {
    out.putInt(settings.quantileSketchK()).putInt(settings.reservoirCapacity());
    out.putInt(settings.exactCategoryLimit()).putInt(settings.frequentItemsMapSize());
  }

  static ProfileSettings read(ProfileBytes.Reader in) {
    int k = in.getInt();
    int capacity = in.getInt();
    int limit = in.getInt();
    int mapSize = in.getInt();
    try {
      return new ProfileSettings(k, capacity, limit, mapSize);
    } catch (IllegalArgumentException e) {
      throw in.invalid("settings: " + e.getMessage());
    }
  }
}
