package io.vigil.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.api.problems.InvalidParameterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The reports of simulation runs kept in the data directory's {@code simulations/} folder, one JSON
 * file per run (the simulation's own report document), written by {@code vigil demo} and read by
 * the dashboard. Read-only to the server: nothing over HTTP writes here.
 */
public final class SimulationRuns {

  static final String FOLDER = "simulations";

  /** The runs a listing shows: the dashboard's view is of the last few, not an archive. */
  static final int LISTED = 20;

  private static final String SUFFIX = ".json";
  private static final Pattern ID = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[a-z0-9-]{1,80}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int MAX_NAME = 60;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;

  /** The runs kept under {@code dataDir}. */
  public SimulationRuns(Path dataDir) {
    this.directory = dataDir.resolve(FOLDER);
  }

  /**
   * Keeps a run's report; its id is the time it was saved, the scenario's name and the seed.
   *
   * @return the run's id
   */
  public String save(String scenario, long seed, Instant savedAt, String reportJson) {
    String id = STAMP.format(savedAt) + "-" + slug(scenario) + "-" + Long.toUnsignedString(seed);
    try {
      Files.createDirectories(directory);
      Path target = directory.resolve(id + SUFFIX);
      // Written aside and moved into place: a listing never meets half a report.
      Path partial = directory.resolve(id + SUFFIX + ".partial");
      Files.writeString(partial, reportJson, StandardCharsets.UTF_8);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the run's report in " + directory, e);
    }
  }

  /** The newest runs first, at most {@value #LISTED}. */
  List<SimulationRunSummary> recent() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<SimulationRunSummary> runs = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files
              .filter(file -> isRunFile(file.getFileName().toString()))
              .sorted(Comparator.comparing(Path::getFileName).reversed())
              .limit(LISTED)
              .toList()) {
        String name = file.getFileName().toString();
        summary(name.substring(0, name.length() - SUFFIX.length()), file).ifPresent(runs::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the runs in " + directory, e);
    }
    return runs;
  }

  /**
   * One run's report, as it was saved.
   *
   * @throws InvalidParameterException when {@code id} is not a run id
   * @throws UnknownSimulationRunException when no such run is kept
   */
  String report(String id) {
    if (!ID.matcher(id).matches()) {
      throw new InvalidParameterException(
          "id", "'" + id + "' is not a simulation run id (e.g. 20261126T101500Z-drift-1)", null);
    }
    try {
      return Files.readString(directory.resolve(id + SUFFIX), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UnknownSimulationRunException("no simulation run '" + id + "' is kept");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run " + id, e);
    }
  }

  private static boolean isRunFile(String name) {
    return name.endsWith(SUFFIX)
        && ID.matcher(name.substring(0, name.length() - SUFFIX.length())).matches();
  }

  /** A report that cannot be read is left out of the listing, not allowed to break it. */
  private static Optional<SimulationRunSummary> summary(String id, Path file) {
    try {
      JsonNode report = JSON.readTree(file.toFile());
      return Optional.of(SimulationRunSummary.of(id, report));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A scenario's name (or file path) as a file-name part: lower case, letters, digits, dashes. */
  static String slug(String scenario) {
    String name = Path.of(scenario).getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    String slug = name.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
    slug = slug.length() > MAX_NAME ? slug.substring(0, MAX_NAME) : slug;
    return slug.isEmpty() ? "scenario" : slug;
  }
}
