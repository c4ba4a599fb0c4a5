package io.vigil.tools.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: {@code initdb} into a temporary directory and {@code pg_ctl
 * start} on a free loopback port, once per JVM, stopped and deleted when the JVM exits. Each caller
 * gets a database of its own from {@link #newDatabase()}.
 *
 * <p>It never skips: when no PostgreSQL binaries are found, or the server does not start, it
 * throws, and the tests that asked for it fail. Binaries come from {@code VIGIL_PG_BIN}, else the
 * newest {@code /usr/lib/postgresql/<version>/bin} (Debian's layout). PostgreSQL refuses to run as
 * root, so under root the server runs as the {@code postgres} user through {@code runuser}.
 */
public final class ThrowawayPostgres {

  /** The superuser initdb creates; trust authentication on loopback, so no password. */
  public static final String USER = "vigil";

  private static final long START_TIMEOUT_SECONDS = 60;
  private static ThrowawayPostgres shared;

  private final Path binaries;
  private final Path directory;
  private final int port;
  private final boolean asPostgresUser;
  private final AtomicInteger databases = new AtomicInteger();

  private ThrowawayPostgres(Path binaries, Path directory, int port, boolean asPostgresUser) {
    this.binaries = binaries;
    this.directory = directory;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The JVM's server, started on first use. */
  public static synchronized ThrowawayPostgres shared() {
    if (shared == null) {
      shared = start();
      ThrowawayPostgres server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "throwaway-postgres-stop"));
    }
    return shared;
  }

  /** Starts a new server; the caller stops it. */
  public static ThrowawayPostgres start() {
    Path binaries = findBinaries();
    boolean asPostgresUser = "root".equals(System.getProperty("user.name"));
    try {
      Path directory = Files.createTempDirectory("vigil-postgres-");
      ThrowawayPostgres server =
          new ThrowawayPostgres(binaries, directory, freePort(), asPostgresUser);
      server.initialize();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a throwaway PostgreSQL server", e);
    }
  }

  /** Creates an empty database and returns its JDBC URL. */
  public String newDatabase() {
    String name = "vigil_test_" + databases.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return jdbcUrl(name);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public int port() {
    return port;
  }

  /** The binary directory, for tools such as {@code psql} that benchmarks drive. */
  public Path binaries() {
    return binaries;
  }

  /** Stops the server immediately and deletes its files. */
  public synchronized void stop() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try {
      run(pgCtl("stop", "-m", "immediate", "-w"));
    } catch (RuntimeException e) {
      // Already stopped (or killed); the files still go.
    }
    deleteRecursively(directory);
  }

  /** Stops the server, keeping its files, so that a test can observe an outage. */
  public void pause() {
    run(pgCtl("stop", "-m", "fast", "-w"));
  }

  /** Starts a paused server again on the same port. */
  public void resume() {
    run(pgCtl("start", "-w", "-t", Long.toString(START_TIMEOUT_SECONDS)));
  }

  private void initialize() throws IOException {
    Path data = directory.resolve("data");
    if (asPostgresUser) {
      run(List.of("chown", "postgres", directory.toString()));
    }
    run(
        List.of(
            binaries.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            USER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"));
    String settings =
        "listen_addresses = '127.0.0.1'\n"
            + "port = "
            + port
            + "\n"
            + "unix_socket_directories = '"
            + directory
            + "'\n"
            + "max_connections = 200\n";
    Path configuration = data.resolve("postgresql.conf");
    if (asPostgresUser) {
      run(
          List.of(
              "sh",
              "-c",
              "printf '%s' \"$1\" >> \"$2\"",
              "sh",
              settings,
              configuration.toString()));
    } else {
      Files.writeString(
          configuration, settings, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }
    resume();
  }

  private List<String> pgCtl(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(binaries.resolve("pg_ctl").toString());
    command.add("-D");
    command.add(directory.resolve("data").toString());
    command.add("-l");
    command.add(directory.resolve("server.log").toString());
    command.addAll(List.of(arguments));
    return command;
  }

  private void run(List<String> command) {
    List<String> full = new ArrayList<>();
    if (asPostgresUser && !command.get(0).equals("chown")) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Process process =
          new ProcessBuilder(full).redirectErrorStream(true).directory(directory.toFile()).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", full));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "failed (exit " + process.exitValue() + "): " + String.join(" ", full) + "\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + full.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + full.get(0), e);
    }
  }

  private static Path findBinaries() {
    String configured = System.getenv("VIGIL_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        return versions
            .map(version -> version.resolve("bin"))
            .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
            .max(Comparator.comparing(ThrowawayPostgres::majorVersion))
            .orElseThrow(ThrowawayPostgres::notFound);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw notFound();
  }

  private static int majorVersion(Path bin) {
    String name = bin.getParent().getFileName().toString();
    return name.chars().allMatch(Character::isDigit) ? Integer.parseInt(name) : 0;
  }

  private static IllegalStateException notFound() {
    return new IllegalStateException(
        "no PostgreSQL server binaries: install them (Debian: apt-get install postgresql) or set"
            + " VIGIL_PG_BIN to the directory holding initdb and pg_ctl");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort: a temporary directory.
    }
  }
}
