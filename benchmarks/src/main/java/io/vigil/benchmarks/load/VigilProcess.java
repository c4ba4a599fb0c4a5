package io.vigil.benchmarks.load;

import io.vigil.benchmarks.ServerReadiness;
import io.vigil.benchmarks.ServerTokens;
import io.vigil.tools.store.StoreSettings;
import io.vigil.tools.testing.ThrowawayPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code vigil serve} from the built jar, as its own process with a fixed {@code -Xmx}, listening
 * on loopback only, over a store of its own: a throwaway PostgreSQL database or an embedded store
 * in a temporary directory. The store outlives the process until {@link #close()}, so that it can
 * be audited after the server has stopped.
 */
final class VigilProcess implements AutoCloseable {

  /** A child JVM starting Spring on a shared 2-core machine can take a while. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  /** Graceful shutdown waits for requests in flight and the writer's last commit (30 s each). */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

  /** The metrics endpoint is off by default; the heap sampler reads one gauge at a time from it. */
  private static final String METRICS_ENDPOINT =
      "--management.endpoints.web.exposure.include=health,info,prometheus,metrics";

  private final Process process;
  private final String base;
  private final String token;
  private final Path log;
  private final StoreSettings store;
  private final ThrowawayPostgres postgres;
  private final Path dataDir;

  private VigilProcess(
      Process process,
      String base,
      String token,
      Path log,
      StoreSettings store,
      ThrowawayPostgres postgres,
      Path dataDir) {
    this.process = process;
    this.base = base;
    this.token = token;
    this.log = log;
    this.store = store;
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /** Prepares the store, creates an admin token, starts the server and waits until it is ready. */
  static VigilProcess start(LoadOptions options, HttpClient http)
      throws IOException, InterruptedException {
    ThrowawayPostgres postgres = null;
    Path dataDir = null;
    List<String> storeArguments;
    StoreSettings store;
    if (options.store() == StoreKind.POSTGRESQL) {
      postgres = ThrowawayPostgres.start();
      String database = postgres.newDatabase();
      store = StoreSettings.at(database, ThrowawayPostgres.USER, "");
      storeArguments = List.of("--store-url", database);
    } else {
      dataDir = Files.createTempDirectory("vigil-load-");
      store = StoreSettings.embedded(dataDir);
      storeArguments = List.of("--data-dir", dataDir.toString());
    }
    Process process = null;
    try {
      String token = adminToken(options.jar(), storeArguments, options.store());
      int port = freePort();
      Path log = Files.createTempFile("vigil-load-serve-", ".log");
      List<String> command = new ArrayList<>(java(options.jar(), "-Xmx" + options.heap()));
      command.addAll(List.of("serve", "--port", Integer.toString(port)));
      command.addAll(storeArguments);
      if (options.store() == StoreKind.POSTGRESQL) {
        command.add("--vigil.store.username=" + ThrowawayPostgres.USER);
      }
      command.add(METRICS_ENDPOINT);
      options.serverProperties().forEach(property -> command.add("--" + property));
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      String base = "http://127.0.0.1:" + port;
      ServerReadiness.await(http, base, process, log, READY_TIMEOUT);
      return new VigilProcess(process, base, token, log, store, postgres, dataDir);
    } catch (RuntimeException | IOException | InterruptedException e) {
      if (process != null) {
        process.destroyForcibly().waitFor();
      }
      if (postgres != null) {
        postgres.stop();
      }
      if (dataDir != null) {
        deleteRecursively(dataDir);
      }
      throw e;
    }
  }

  /** {@code http://127.0.0.1:PORT}: the harness only ever talks to loopback. */
  String base() {
    return base;
  }

  /** The admin token every request carries (admin may do everything the run asks). */
  String token() {
    return token;
  }

  Path log() {
    return log;
  }

  /** Where the server's store is, for the audit after it stopped. */
  StoreSettings store() {
    return store;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Whether the server's output mentions {@code text} (e.g. an OutOfMemoryError). */
  boolean logMentions(String text) throws IOException {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.anyMatch(line -> line.contains(text));
    }
  }

  /**
   * Stops the server the way an operator would (SIGTERM: graceful shutdown), forcibly if it does
   * not exit in time.
   *
   * @return the exit code
   */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    return process.exitValue();
  }

  /** Stops the server if it still runs, then removes its store. The log stays, for reading. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        stop();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (postgres != null) {
      postgres.stop();
    }
    if (dataDir != null) {
      deleteRecursively(dataDir);
    }
  }

  private static String adminToken(Path jar, List<String> storeArguments, StoreKind kind)
      throws IOException, InterruptedException {
    List<String> store = new ArrayList<>(storeArguments);
    if (kind == StoreKind.POSTGRESQL) {
      store.addAll(List.of("--store-username", ThrowawayPostgres.USER));
    }
    return ServerTokens.create(jar, "admin", "load-harness", store);
  }

  private static List<String> java(Path jar, String... jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", jar.toString()));
    return command;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + directory, e);
    }
  }
}
