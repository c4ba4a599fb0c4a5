package io.vigil.tools.ingest;

import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.tools.ingest.RegistryCheck.CheckedRecord;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.ProfileKey;
import io.vigil.tools.store.ProfileRepository;
import io.vigil.tools.store.SqlDialect;
import io.vigil.tools.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a commit, on its own thread so the writer can start the next transaction at once:
 * the window profiles of the stored records, their flushes with the commit sequence they cover,
 * PostgreSQL's statistics as the table grows, and the commit listeners. Groups are taken in commit
 * order; a bounded hand-over queue makes the writer wait when this thread falls behind, so the
 * writer's own queue fills and new batches are refused rather than piling up in memory.
 */
final class ProfileStage {

  private static final Logger log = LoggerFactory.getLogger(ProfileStage.class);

  /** Commit groups waiting for this thread; each is at most {@code maxGroupRecords} records. */
  static final int HANDOVER_GROUPS = 4;

  /** Rows written before the stage first refreshes PostgreSQL's statistics itself. */
  private static final long MIN_ANALYZE_ROWS = 10_000;

  /** A committed group, in commit order. */
  record Group(List<CheckedRecord> stored, List<Long> seqs, CommitListener.Committed committed) {}

  private sealed interface Work {}

  private record Profile(Group group) implements Work {}

  private record Flush(CompletableFuture<IngestReceipt> done) implements Work {}

  private record Stop() implements Work {}

  private final Database database;
  private final ModelRegistry registry;
  private final IngestSettings settings;
  private final ProfileAccumulator profiles;
  private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(HANDOVER_GROUPS);
  private final Thread thread = new Thread(this::run, "vigil-profiles");

  /** Every record with seq <= this is in the stored profiles plus the accumulator. */
  private long accumulatedSeq;

  /** The last sequence handed to this thread: what a rebuild may replay up to. */
  private long receivedSeq;

  private boolean needsRecovery;
  private long storedSinceAnalyze;
  private long analyzedAt = MIN_ANALYZE_ROWS;
  private volatile int dirtyProfiles;
  private volatile String lastFailure;

  ProfileStage(Database database, ModelRegistry registry, IngestSettings settings) {
    this.database = database;
    this.registry = registry;
    this.settings = settings;
    this.profiles =
        new ProfileAccumulator(
            settings.profiles(),
            settings.profileSpans(),
            settings.profileCacheSize(),
            modelId -> registry.snapshot().modelById(modelId).task());
  }

  void addListener(CommitListener listener) {
    listeners.add(listener);
  }

  int dirtyProfiles() {
    return dirtyProfiles;
  }

  String lastFailure() {
    return lastFailure;
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  /**
   * Rebuilds the profiles of records committed after the last flush, before the thread starts.
   *
   * @return the highest sequence stored, where the writer continues
   * @throws StoreUnavailableException if the store cannot be read
   */
  long start() {
    long last = rebuild(Long.MAX_VALUE);
    receivedSeq = last;
    thread.start();
    return last;
  }

  /** Hands a committed group over; waits while the hand-over queue is full. */
  void accept(Group group) {
    put(new Profile(group));
  }

  /** Asks for a flush of everything handed over so far; {@code done} completes after it. */
  void flush(CompletableFuture<IngestReceipt> done) {
    put(new Flush(done));
  }

  /** Flushes what is left and stops the thread, waiting up to {@code timeoutMillis}. */
  void stop(long timeoutMillis) throws InterruptedException {
    if (thread.isAlive()) {
      put(new Stop());
      thread.join(timeoutMillis);
    }
  }

  private void put(Work work) {
    try {
      while (!queue.offer(work, 1, TimeUnit.SECONDS)) {
        if (!thread.isAlive()) {
          throw new IllegalStateException("the profile thread stopped (see the log)");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while handing over a commit", e);
    }
  }

  private void run() {
    long flushNanos = settings.profileFlushInterval().toNanos();
    long nextFlush = System.nanoTime() + flushNanos;
    while (true) {
      Work work;
      try {
        work = queue.poll(Math.max(1, nextFlush - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        work = new Stop();
      }
      if (work instanceof Profile profile) {
        accumulate(profile.group());
        notifyListeners(profile.group().committed());
        refreshStatistics(profile.group().committed());
      }
      boolean due = System.nanoTime() >= nextFlush || profiles.overCapacity();
      if (due || work instanceof Flush || work instanceof Stop) {
        try {
          flushNow();
          nextFlush = System.nanoTime() + flushNanos;
          if (work instanceof Flush flush) {
            flush.done().complete(null);
          }
        } catch (RuntimeException e) {
          log.warn("profiles: {}", e.getMessage());
          if (work instanceof Flush flush) {
            flush.done().completeExceptionally(e);
          }
        }
      }
      if (work instanceof Stop) {
        return;
      }
    }
  }

  private void accumulate(Group group) {
    List<Long> seqs = group.seqs();
    if (!seqs.isEmpty()) {
      if (seqs.get(0) > receivedSeq + 1) {
        // Records committed without being handed over (a commit whose answer was lost): their
        // profiles are rebuilt from the store with everything since the last flush.
        needsRecovery = true;
        log.warn(
            "profiles will be rebuilt from the store: records {} to {} were committed unseen",
            receivedSeq + 1,
            seqs.get(0) - 1);
      }
      receivedSeq = seqs.get(seqs.size() - 1);
    }
    if (needsRecovery || seqs.isEmpty()) {
      return;
    }
    RegistrySnapshot snapshot = registry.snapshot();
    try (Connection connection = database.writerConnection()) {
      for (int i = 0; i < group.stored().size(); i++) {
        CheckedRecord checked = group.stored().get(i);
        InferenceRecord record = checked.record();
        ProfileInput input =
            new ProfileInput(
                checked.model().id(),
                checked.version().id(),
                seqs.get(i),
                record.timestamp(),
                record.features(),
                record.prediction().orElse(null),
                record.effectiveConfidence(),
                record.latencyMs());
        profiles.accept(connection, input, snapshot.featuresOf(checked.model().id()));
        accumulatedSeq = seqs.get(i);
      }
    } catch (SQLException | RuntimeException e) {
      // The records are committed; their profiles are rebuilt from the store at the next flush.
      profiles.clear();
      needsRecovery = true;
      lastFailure = e.getMessage();
      log.warn("profiles will be rebuilt from the store: {}", e.toString());
    }
    dirtyProfiles = profiles.dirtyCount();
  }

  /**
   * Writes the accumulated profiles and the sequence they cover in one transaction.
   *
   * @throws StoreUnavailableException if the store failed; the profiles stay in memory
   */
  private void flushNow() {
    if (needsRecovery) {
      rebuild(receivedSeq);
      return;
    }
    Map<ProfileKey, FeatureProfile> dirty = profiles.dirty();
    try (Connection connection = database.writerConnection()) {
      connection.setAutoCommit(false);
      try {
        ProfileRepository.write(connection, dirty);
        ProgressTable.write(connection, accumulatedSeq);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      lastFailure = e.getMessage();
      throw new StoreUnavailableException("could not write profiles: " + e.getMessage(), e);
    }
    lastFailure = null;
    profiles.flushed();
    dirtyProfiles = profiles.dirtyCount();
  }

  /**
   * Rebuilds from the store the profiles of the records committed after the last flush, up to
   * {@code upToSeq} (later ones are still on their way here), and flushes them.
   *
   * @return the highest sequence stored
   * @throws StoreUnavailableException if the store cannot be read
   */
  private long rebuild(long upToSeq) {
    profiles.clear();
    long last;
    try (Connection connection = database.writerConnection()) {
      connection.setAutoCommit(false);
      long profiled = ProgressTable.read(connection);
      last = Math.max(profiled, ProgressTable.maxSeq(connection));
      accumulatedSeq = profiled;
      RegistrySnapshot snapshot = registry.snapshot();
      ProgressTable.replay(
          connection,
          profiled,
          upToSeq,
          input -> {
            profiles.accept(connection, input, snapshot.featuresOf(input.modelId()));
            accumulatedSeq = input.seq();
          });
      ProfileRepository.write(connection, profiles.dirty());
      ProgressTable.write(connection, accumulatedSeq);
      connection.commit();
    } catch (SQLException e) {
      profiles.clear();
      needsRecovery = true;
      lastFailure = e.getMessage();
      throw new StoreUnavailableException("could not rebuild profiles: " + e.getMessage(), e);
    }
    profiles.flushed();
    needsRecovery = false;
    dirtyProfiles = 0;
    lastFailure = null;
    return last;
  }

  /**
   * Runs {@code ANALYZE} on PostgreSQL whenever the rows written since the last one reach the
   * table's size then. A fresh table's statistics say "empty", and until autovacuum catches up the
   * planner answers key lookups by scanning the model's rows, so commits slow down as the table
   * grows (700 records/s at 100k rows before this).
   */
  private void refreshStatistics(CommitListener.Committed committed) {
    storedSinceAnalyze += committed.inferences().size() + committed.labels().size();
    if (database.dialect() != SqlDialect.POSTGRESQL || storedSinceAnalyze < analyzedAt) {
      return;
    }
    try (Connection connection = database.writerConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE inference, label");
      analyzedAt += storedSinceAnalyze;
      storedSinceAnalyze = 0;
    } catch (SQLException | RuntimeException e) {
      log.warn("could not refresh the store's statistics: {}", e.toString());
    }
  }

  private void notifyListeners(CommitListener.Committed committed) {
    if (committed.inferences().isEmpty() && committed.labels().isEmpty()) {
      return;
    }
    for (CommitListener listener : listeners) {
      try {
        listener.committed(committed);
      } catch (RuntimeException e) {
        log.warn("commit listener {} failed: {}", listener, e.toString());
      }
    }
  }
}
