package io.vigil.server.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code vigil serve} as a separate JVM, started from the test class path (so the test needs no
 * built jar), on a fixed port so that a restart on the same store is found where the last one was.
 * Its output goes to one log file across restarts, which a failure quotes. Closing kills a process
 * still running, so that a failed test leaves none behind.
 *
 * <p>The server is lean where that does not touch what the reliability tests look at: the agent's
 * schedule is off (the agent's own outage test drives rounds itself), and C1 compilation only,
 * which halves the start on a 2-core machine.
 */
final class ServeProcess implements AutoCloseable {

  /** A child JVM starting Spring on a shared 2-core machine can take a while. */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  /** How often readiness is asked while the server starts. */
  private static final Duration POLL = Duration.ofMillis(100);

  /** How many of the log's last lines a failure quotes. */
  private static final int LOG_TAIL = 60;

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final List<String> storeArguments;
  private final int port;
  private final Path log;
  private Process process;

  private ServeProcess(List<String> storeArguments, int port, Path log) {
    this.storeArguments = List.copyOf(storeArguments);
    this.port = port;
    this.log = log;
  }

  /**
   * A server (not yet started) on the store that {@code storeArguments} name, e.g. {@code
   * --data-dir DIR} or {@code --store-url URL --vigil.store.username=USER}.
   */
  static ServeProcess on(List<String> storeArguments, Path log) {
    return new ServeProcess(storeArguments, freePort(), log);
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Starts the process and waits until it reports itself ready; returns how long that took. */
  Duration start() {
    long started = System.nanoTime();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xmx512m", "-cp", testClassPath()));
    command.addAll(List.of("io.vigil.server.cli.VigilCommand", "serve"));
    command.addAll(List.of("--port", Integer.toString(port)));
    command.addAll(storeArguments);
    command.addAll(List.of("--vigil.agent.enabled=false", "--vigil.retention.raw-records=36500d"));
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start vigil serve", e);
    }
    awaitReady();
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** SIGKILL: the process ends at once, with nothing flushed or closed. */
  void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM: a clean stop (requests finished, writer drained, store closed). */
  int stop() {
    process.destroy();
    awaitExit();
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  /** The end of the log so far, for a failure's message. */
  String log() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size()));
    } catch (IOException e) {
      return "(the log " + log + " cannot be read: " + e.getMessage() + ")";
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    HttpRequest readiness =
        HttpRequest.newBuilder(base().resolve("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("vigil serve exited while starting:\n" + log());
      }
      try {
        if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for vigil serve", e);
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "vigil serve was not ready within " + READY_TIMEOUT + ":\n" + log());
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "vigil serve did not exit within " + STOP_TIMEOUT + ":\n" + log());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while waiting for vigil serve to exit", e);
    }
  }

  /** The test JVM's class path (surefire's real one when it runs the tests). */
  private static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
