package io.vigil.server.serve;

import io.vigil.server.admission.QueryAdmission;
import io.vigil.tools.access.Permission;
import io.vigil.tools.access.Role;
import io.vigil.tools.ingest.IngestSettings;
import io.vigil.tools.store.SqlDialect;
import io.vigil.tools.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything {@code vigil serve} is configured with, under the prefix {@code vigil}. Each record
 * checks its values when bound, so a bad setting stops the server at startup with a message naming
 * the property.
 *
 * @param dataDir where the embedded store (and later other local state) lives; {@code
 *     vigil.data-dir}, default {@code ./vigil-data}
 * @param store {@code vigil.store.*}
 * @param ingest {@code vigil.ingest.*}
 * @param retention {@code vigil.retention.*}
 * @param security {@code vigil.security.*}
 * @param query {@code vigil.query.*}
 */
@ConfigurationProperties("vigil")
public record VigilProperties(
    @DefaultValue("./vigil-data") Path dataDir,
    @DefaultValue Store store,
    @DefaultValue Ingest ingest,
    @DefaultValue Retention retention,
    @DefaultValue Security security,
    @DefaultValue Query query) {

  public VigilProperties {
    Objects.requireNonNull(dataDir, "vigil.data-dir");
    Objects.requireNonNull(store, "vigil.store");
    Objects.requireNonNull(ingest, "vigil.ingest");
    Objects.requireNonNull(retention, "vigil.retention");
    Objects.requireNonNull(security, "vigil.security");
    Objects.requireNonNull(query, "vigil.query");
  }

  /**
   * H2 closes its databases from a JVM shutdown hook of its own, which races Spring's: requests
   * still being answered and the writer's last commit and profile flush would meet a closed
   * database. The server closes the store itself, after the writer. H2 allows this only without
   * {@code AUTO_SERVER}, so the server holds the embedded store alone: other processes (such as
   * {@code vigil ingest}) reach it through the server's API while it runs.
   */
  static final String KEEP_OPEN_AT_EXIT = ";DB_CLOSE_ON_EXIT=FALSE";

  private static final String SHARED_ACCESS = ";AUTO_SERVER=TRUE";

  /** The store to open: {@code vigil.store.url} when set, else the embedded one in the data dir. */
  public StoreSettings storeSettings() {
    if (store.embedded()) {
      StoreSettings embedded = StoreSettings.embedded(dataDir);
      String url = embedded.url().replace(SHARED_ACCESS, "") + KEEP_OPEN_AT_EXIT;
      return new StoreSettings(url, "", "", store.poolSize());
    }
    return StoreSettings.at(store.url(), store.username(), store.password())
        .withMaximumPoolSize(store.poolSize());
  }

  /**
   * {@code vigil.store.*}.
   *
   * @param url a JDBC URL ({@code jdbc:postgresql://host:port/db} or {@code jdbc:h2:...}); empty
   *     for the embedded H2 file store under {@code vigil.data-dir}
   * @param username the database user (ignored by the embedded store)
   * @param password the user's password (never printed)
   * @param poolSize the most connections open at once, at least 2 (one is the writer's)
   */
  public record Store(
      @DefaultValue("") String url,
      @DefaultValue("") String username,
      @DefaultValue("") String password,
      @DefaultValue("10") int poolSize) {

    public Store {
      url = url == null ? "" : url.strip();
      username = username == null ? "" : username;
      password = password == null ? "" : password;
      if (!url.isEmpty()) {
        SqlDialect.of(url);
      }
      if (poolSize < 2) {
        throw new IllegalArgumentException(
            "vigil.store.pool-size must be at least 2 (the writer's connection and one for"
                + " queries), was "
                + poolSize);
      }
    }

    boolean embedded() {
      return url.isEmpty();
    }

    @Override
    public String toString() {
      return "Store[url="
          + (embedded() ? "(embedded)" : StoreSettings.at(url, "", "").describe())
          + ", username="
          + username
          + ", password=(hidden), poolSize="
          + poolSize
          + "]";
    }
  }

  /**
   * {@code vigil.ingest.*}.
   *
   * @param window the profile window; whole seconds dividing an hour (or a day), default 5m
   * @param queueCapacity records the writer queues before refusing batches with 429
   * @param maxQueueDelay how long the writer's oldest waiting batch may have waited before new
   *     batches are refused with 429: the queue's bound in time, default 10s, so that a slow store
   *     refuses the excess instead of answering after the client gave up
   * @param maxBodyBytes the largest request body, checked while it is read (413 beyond it)
   * @param maxInFlightBytes the most ingest body bytes accepted across concurrent requests; a
   *     request that would pass it is refused with 429, which keeps the heap bounded
   */
  public record Ingest(
      @DefaultValue("5m") Duration window,
      @DefaultValue("100000") int queueCapacity,
      @DefaultValue("10s") Duration maxQueueDelay,
      @DefaultValue("16MB") DataSize maxBodyBytes,
      @DefaultValue("256MB") DataSize maxInFlightBytes) {

    public Ingest {
      Objects.requireNonNull(window, "vigil.ingest.window");
      Objects.requireNonNull(maxQueueDelay, "vigil.ingest.max-queue-delay");
      Objects.requireNonNull(maxBodyBytes, "vigil.ingest.max-body-bytes");
      Objects.requireNonNull(maxInFlightBytes, "vigil.ingest.max-in-flight-bytes");
      try {
        settings(window, queueCapacity, maxQueueDelay);
      } catch (IllegalArgumentException e) {
        // The message carries the whole reason; Boot reports the root cause's message.
        throw new IllegalArgumentException(
            "vigil.ingest.window / queue-capacity / max-queue-delay: " + e.getMessage());
      }
      if (maxBodyBytes.toBytes() < 1) {
        throw new IllegalArgumentException(
            "vigil.ingest.max-body-bytes must be positive, was " + maxBodyBytes);
      }
      if (maxInFlightBytes.toBytes() < maxBodyBytes.toBytes()) {
        throw new IllegalArgumentException(
            "vigil.ingest.max-in-flight-bytes ("
                + maxInFlightBytes
                + ") must be at least vigil.ingest.max-body-bytes ("
                + maxBodyBytes
                + "), or a full-size request could never be accepted");
      }
    }

    /** The writer's settings: the defaults with this window and queue's bounds. */
    public IngestSettings settings() {
      return settings(window, queueCapacity, maxQueueDelay);
    }

    private static IngestSettings settings(Duration window, int capacity, Duration delay) {
      return IngestSettings.defaults()
          .withWindow(window)
          .withQueueCapacity(capacity)
          .withMaxQueueDelay(delay);
    }
  }

  /**
   * {@code vigil.query.*}: how many queries (REST reads and MCP tool calls) are answered at once.
   *
   * @param maxConcurrent the most queries answered at once, default 8; more would only wait for the
   *     store's connections ({@code vigil.store.pool-size}) and the processors while holding their
   *     working sets
   * @param maxWait how long a query waits for a turn before it is refused with 429 and {@code
   *     Retry-After}, default 1s
   */
  public record Query(@DefaultValue("8") int maxConcurrent, @DefaultValue("1s") Duration maxWait) {

    public Query {
      Objects.requireNonNull(maxWait, "vigil.query.max-wait");
      admission(maxConcurrent, maxWait);
    }

    /** A fresh admission control with these bounds. */
    public QueryAdmission admission() {
      return admission(maxConcurrent, maxWait);
    }

    private static QueryAdmission admission(int maxConcurrent, Duration maxWait) {
      return new QueryAdmission(maxConcurrent, maxWait);
    }
  }

  /**
   * {@code vigil.retention.*}.
   *
   * @param rawRecords how long raw inference records are kept, default 30d; window statistics and
   *     profiles outlive them
   */
  public record Retention(@DefaultValue("30d") Duration rawRecords) {

    public Retention {
      Objects.requireNonNull(rawRecords, "vigil.retention.raw-records");
      if (rawRecords.isNegative() || rawRecords.isZero()) {
        throw new IllegalArgumentException(
            "vigil.retention.raw-records must be positive, was " + rawRecords);
      }
    }
  }

  /**
   * {@code vigil.security.*}.
   *
   * @param anonymousRole the role of requests that send no token: {@code none} (the default: every
   *     request to the API, the dashboard's data and MCP needs a token), {@code read} or {@code
   *     ingest}; never one that proposes, approves or manages, which must be done by someone the
   *     server can name
   */
  public record Security(@DefaultValue("none") String anonymousRole) {

    public Security {
      anonymousRole = anonymousRole == null ? "none" : anonymousRole.strip();
      if (!anonymousRole.equalsIgnoreCase("none")) {
        Role role;
        try {
          role = Role.parse(anonymousRole);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "vigil.security.anonymous-role must be none, read or ingest: " + e.getMessage());
        }
        if (role.grants(Permission.PROPOSE) || role.grants(Permission.MANAGE)) {
          throw new IllegalArgumentException(
              "vigil.security.anonymous-role must be none, read or ingest, was "
                  + anonymousRole
                  + ": proposals, approvals and changes to models need a token that names who"
                  + " made them");
        }
      }
    }

    /** The role of requests without a token, if they are served. */
    public Optional<Role> anonymous() {
      return anonymousRole.equalsIgnoreCase("none")
          ? Optional.empty()
          : Optional.of(Role.parse(anonymousRole));
    }
  }
}
