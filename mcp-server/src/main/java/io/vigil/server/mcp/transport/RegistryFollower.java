package io.vigil.server.mcp.transport;

import io.vigil.tools.registry.ModelRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the registry on a fixed period, for {@code vigil mcp}: it only reads the store, so
 * models, versions and deployments that a {@code vigil serve} beside it registers reach its tools
 * and its listed resources only this way. A failed read (the store away) is logged and tried again.
 */
final class RegistryFollower implements AutoCloseable {

  /** How stale {@code vigil mcp}'s view of the registry may be. */
  static final Duration PERIOD = Duration.ofSeconds(15);

  private static final Logger log = LoggerFactory.getLogger(RegistryFollower.class);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "vigil-registry-follower");
            thread.setDaemon(true);
            return thread;
          });

  RegistryFollower(ModelRegistry registry, Duration period) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            registry.refresh();
          } catch (RuntimeException e) {
            log.warn("could not re-read the model registry: {}", e.getMessage());
          }
        },
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
