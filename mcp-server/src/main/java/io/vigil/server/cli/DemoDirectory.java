package io.vigil.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo's data directory: made fresh for every demo. A directory a previous demo made (it holds
 * the marker file) is replaced; any other non-empty directory is refused rather than deleted, so a
 * mistyped {@code --data-dir} cannot wipe a real store.
 */
final class DemoDirectory {

  static final String MARKER = ".vigil-demo";

  private DemoDirectory() {}

  /** Empties or creates {@code directory} and marks it as the demo's. */
  static void prepare(Path directory) {
    try {
      if (Files.isDirectory(directory) && !isEmpty(directory)) {
        if (!Files.exists(directory.resolve(MARKER))) {
          throw new BadInputException(
              "--data-dir "
                  + directory
                  + " is not empty and was not made by `vigil demo`; name a new or empty"
                  + " directory");
        }
        delete(directory);
      } else if (Files.exists(directory) && !Files.isDirectory(directory)) {
        throw new BadInputException("--data-dir " + directory + " is a file, not a directory");
      }
      Files.createDirectories(directory);
      Files.writeString(
          directory.resolve(MARKER), "made by `vigil demo`; the next demo replaces it\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the demo's directory " + directory, e);
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
