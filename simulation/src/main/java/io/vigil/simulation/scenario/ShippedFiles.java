package io.vigil.simulation.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The files shipped in a classpath folder under {@code io/vigil/simulation/}, as its {@code
 * index.txt} lists them (one file name a line, {@code #} comments): a jar cannot be listed, an
 * index can.
 */
final class ShippedFiles {

  private static final String ROOT = "/io/vigil/simulation/";

  private final String folder;

  ShippedFiles(String folder) {
    this.folder = folder;
  }

  /** The file names the index lists, in its order. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(open("index.txt"), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location("index.txt"), e);
    }
    return names;
  }

  /** The shipped file {@code name}; its stream is the caller's to close. */
  InputStream open(String name) {
    InputStream stream = ShippedFiles.class.getResourceAsStream(ROOT + folder + "/" + name);
    if (stream == null) {
      throw new IllegalStateException(location(name) + " is missing from the classpath");
    }
    return stream;
  }

  /** Where {@code name} is, as messages name it, e.g. {@code scenarios/healthy.yaml}. */
  String location(String name) {
    return folder + "/" + name;
  }
}
