package io.vigil.server.serve;

import io.vigil.tools.store.Database;
import io.vigil.tools.store.RecordRetention;
import io.vigil.tools.store.StoreUnavailableException;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Drops raw records older than {@code vigil.retention.raw-records} once an hour (first a minute
 * after start); window counters and profiles stay. A store outage skips a run, not the schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionSchedule {

  private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

  private final RecordRetention retention;
  private final VigilProperties properties;

  RetentionSchedule(Database database, InstantSource clock, VigilProperties properties) {
    this.retention = new RecordRetention(database, clock);
    this.properties = properties;
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
  void run() {
    try {
      RecordRetention.Result result = retention.dropOlderThan(properties.retention().rawRecords());
      if (result.records() > 0 || result.labels() > 0) {
        log.info(
            "retention: dropped {} raw records and {} labels made before {}",
            result.records(),
            result.labels(),
            result.cutoff());
      }
    } catch (StoreUnavailableException e) {
      log.warn("retention skipped: {}", e.getMessage());
    }
  }
}
