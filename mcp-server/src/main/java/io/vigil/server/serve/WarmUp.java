package io.vigil.server.serve;

import io.vigil.tools.accuracy.AccuracyRequest;
import io.vigil.tools.accuracy.AccuracyService;
import io.vigil.tools.health.HealthService;
import io.vigil.tools.query.TimeWindow;
import io.vigil.tools.registry.Model;
import io.vigil.tools.registry.ModelRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Asks every model's health and last day's accuracy (what the dashboard's overview shows) once
 * before the server reports itself ready ({@code /actuator/health/readiness} turns {@code UP} only
 * after the application's runners), so that the first person to open the dashboard after a restart
 * is not the one who pays for a cold server: on a million records the first overview took 4.5 s
 * (the drift tests' code not yet compiled, the store's pages not yet read) and later ones 0.3 s.
 * The two answers touch what every page reads: window counters, profiles, the drift tests, the
 * label-free estimate and the latest-record index.
 *
 * <p>Bounded by {@link #BUDGET}: a store with many models becomes ready after that, the rest warm
 * on first use. A failure is logged and does not stop the server, which answers as it would have.
 */
@Component
final class WarmUp implements ApplicationRunner {

  private static final TimeWindow DAY = new TimeWindow.Relative(Duration.ofDays(1), false);

  /** The longest the warm-up holds readiness back. */
  static final Duration BUDGET = Duration.ofSeconds(20);

  private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

  private final ModelRegistry registry;
  private final HealthService health;
  private final AccuracyService accuracy;
  private final LongSupplier nanoTime;

  @Autowired
  WarmUp(ModelRegistry registry, HealthService health, AccuracyService accuracy) {
    this(registry, health, accuracy, System::nanoTime);
  }

  WarmUp(
      ModelRegistry registry,
      HealthService health,
      AccuracyService accuracy,
      LongSupplier nanoTime) {
    this.registry = registry;
    this.health = health;
    this.accuracy = accuracy;
    this.nanoTime = nanoTime;
  }

  @Override
  public void run(ApplicationArguments args) {
    Result result = warm();
    if (result.warmed() > 0) {
      log.info(
          "warmed up on the health and accuracy of {} of {} models in {} ms",
          result.warmed(),
          result.models(),
          result.elapsed().toMillis());
    }
  }

  /** Asks each model's health and accuracy in turn until all were asked or the budget is spent. */
  Result warm() {
    long started = nanoTime.getAsLong();
    List<Model> models = registry.snapshot().models();
    int warmed = 0;
    for (Model model : models) {
      if (nanoTime.getAsLong() - started >= BUDGET.toNanos()) {
        break;
      }
      try {
        health.health(Optional.of(model.name()));
        accuracy.accuracy(AccuracyRequest.of(model.name(), DAY));
        warmed++;
      } catch (RuntimeException e) {
        log.warn("warm-up stopped at model '{}': {}", model.name(), e.getMessage());
        break;
      }
    }
    return new Result(warmed, models.size(), Duration.ofNanos(nanoTime.getAsLong() - started));
  }

  /** How many of how many models were warmed, and how long it took. */
  record Result(int warmed, int models, Duration elapsed) {}
}
