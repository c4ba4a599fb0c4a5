package io.vigil.tools.ingest;

import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.tools.ingest.CommitListener.Committed;
import io.vigil.tools.ingest.CommitListener.JoinedLabel;
import io.vigil.tools.ingest.InferenceTable.StoredLabel;
import io.vigil.tools.ingest.RegistryCheck.CheckedRecord;
import io.vigil.tools.ingest.WindowCounters.WindowKey;
import io.vigil.tools.registry.FeatureKind;
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
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer thread's work: one transaction per group of batches, profile accumulation after the
 * commit, profile flushes with the sequence they cover, and recovery at start. Writer thread only.
 */
final class GroupCommitter {

  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  private static final double THROUGHPUT_SMOOTHING = 0.2;

  /** Rows written before the writer first refreshes PostgreSQL's statistics itself. */
  private static final long MIN_ANALYZE_ROWS = 10_000;

  private final Database database;
  private final ModelRegistry registry;
  private final IngestSettings settings;
  private final InstantSource clock;
  private final RegistryCheck check;
  private final ProfileAccumulator profiles;
  private final LabelJoin labelJoin = new LabelJoin();
  private long lastSeq;

  /** Every record with seq <= this is in the stored profiles plus the accumulator. */
  private long accumulatedSeq;

  private boolean needsRecovery;
  private volatile double recordsPerSecond;
  private volatile String lastFailure;
  private volatile int dirtyProfiles;
  private long storedSinceAnalyze;
  private long analyzedAt = MIN_ANALYZE_ROWS;

  GroupCommitter(
      Database database, ModelRegistry registry, IngestSettings settings, InstantSource clock) {
    this.database = database;
    this.registry = registry;
    this.settings = settings;
    this.clock = clock;
    this.check = new RegistryCheck(settings.limits());
    this.profiles =
        new ProfileAccumulator(
            settings.profiles(),
            settings.profileSpans(),
            settings.profileCacheSize(),
            modelId -> registry.snapshot().modelById(modelId).task());
  }

  double recordsPerSecond() {
    return recordsPerSecond;
  }

  String lastFailure() {
    return lastFailure;
  }

  int dirtyProfiles() {
    return dirtyProfiles;
  }

  boolean profilesOverCapacity() {
    return profiles.overCapacity();
  }

  /** Commits a group, completing each task's future; returns what was stored. */
  Committed commit(List<WriterTask> group) {
    long started = System.nanoTime();
    try {
      GroupResult result = commitOnce(group);
      lastFailure = null;
      afterCommit(result);
      int records = result.stored().size();
      double seconds = Math.max(1e-6, (System.nanoTime() - started) / 1e9);
      recordsPerSecond =
          recordsPerSecond == 0
              ? records / seconds
              : (1 - THROUGHPUT_SMOOTHING) * recordsPerSecond
                  + THROUGHPUT_SMOOTHING * (records / seconds);
      return new Committed(
          result.stored().stream().map(CheckedRecord::record).toList(), result.joined());
    } catch (SQLException e) {
      check.reset();
      lastFailure = e.getMessage();
      if (group.size() > 1 && !isConnectionFailure(e)) {
        return commitOneByOne(group);
      }
      RuntimeException failure = translate(e);
      group.forEach(task -> task.future().completeExceptionally(failure));
      return new Committed(List.of(), List.of());
    }
  }

  /** A failed group is retried batch by batch, so one bad batch fails alone. */
  private Committed commitOneByOne(List<WriterTask> group) {
    List<InferenceRecord> stored = new ArrayList<>();
    List<JoinedLabel> joined = new ArrayList<>();
    for (WriterTask task : group) {
      Committed one = commit(List.of(task));
      stored.addAll(one.inferences());
      joined.addAll(one.labels());
    }
    return new Committed(stored, joined);
  }

  private record GroupResult(
      List<CheckedRecord> stored,
      List<Long> seqs,
      List<JoinedLabel> joined,
      Map<WriterTask, IngestReceipt> receipts,
      Map<WriterTask, RuntimeException> rejections,
      boolean learnedFeatures) {}

  private GroupResult commitOnce(List<WriterTask> group) throws SQLException {
    RegistrySnapshot snapshot = registry.snapshot();
    Instant now = clock.instant();
    WindowCounters counters = new WindowCounters();
    List<CheckedRecord> stored = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<JoinedLabel> joined = new ArrayList<>();
    Map<WriterTask, IngestReceipt> receipts = new LinkedHashMap<>();
    Map<WriterTask, RuntimeException> rejections = new LinkedHashMap<>();
    Map<Long, Map<String, FeatureKind>> newFeatures = new HashMap<>();
    long seq = lastSeq;
    try (Connection connection = database.connection()) {
      connection.setAutoCommit(false);
      try {
        for (WriterTask task : group) {
          try {
            if (task instanceof WriterTask.Inferences inferences) {
              RegistryCheck.Checked checked = check.inferences(snapshot, inferences.batch());
              checked
                  .newFeatures()
                  .forEach(
                      (id, f) ->
                          newFeatures.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(f));
              int before = stored.size();
              seq = insert(connection, checked.records(), seq, counters, stored, seqs);
              int added = stored.size() - before;
              receipts.put(
                  task,
                  new IngestReceipt(
                      inferences.batch().size(), added, inferences.batch().size() - added));
            } else if (task instanceof WriterTask.Labels labels) {
              List<LabelRecord> normalized = check.labels(snapshot, labels.batch());
              int replaced =
                  labelJoin.apply(connection, snapshot, normalized, now, counters, joined);
              receipts.put(
                  task,
                  new IngestReceipt(normalized.size(), normalized.size() - replaced, replaced));
            }
          } catch (BatchRejectedException e) {
            rejections.put(task, e);
          }
        }
        for (Map.Entry<Long, Map<String, FeatureKind>> features : newFeatures.entrySet()) {
          if (!features.getValue().isEmpty()) {
            ModelRegistry.addFeatures(connection, features.getKey(), features.getValue(), now);
          }
        }
        counters.apply(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    } catch (StoreUnavailableException e) {
      throw new SQLException(e.getMessage(), "08001", e);
    }
    lastSeq = seq;
    boolean learned = newFeatures.values().stream().anyMatch(f -> !f.isEmpty());
    return new GroupResult(stored, seqs, joined, receipts, rejections, learned);
  }

  private long insert(
      Connection connection,
      List<CheckedRecord> records,
      long seq,
      WindowCounters counters,
      List<CheckedRecord> stored,
      List<Long> seqs)
      throws SQLException {
    Map<Long, List<CheckedRecord>> byModel = new LinkedHashMap<>();
    records.forEach(r -> byModel.computeIfAbsent(r.model().id(), id -> new ArrayList<>()).add(r));
    int window = settings.profileSpans().get(0);
    for (Map.Entry<Long, List<CheckedRecord>> model : byModel.entrySet()) {
      long modelId = model.getKey();
      List<String> ids = model.getValue().stream().map(r -> r.record().requestId()).toList();
      Set<String> existing = new HashSet<>(InferenceTable.existingIds(connection, modelId, ids));
      Map<String, StoredLabel> pending = InferenceTable.labels(connection, modelId, ids);
      List<InferenceTable.Row> rows = new ArrayList<>();
      for (CheckedRecord checked : model.getValue()) {
        InferenceRecord record = checked.record();
        if (!existing.add(record.requestId())) {
          continue;
        }
        seq++;
        Instant windowStart = ProfileKey.windowStart(record.timestamp(), window);
        StoredLabel label = pending.get(record.requestId());
        Boolean correct =
            LabelJoin.correct(
                record.prediction().orElse(null), label == null ? null : label.value());
        rows.add(
            new InferenceTable.Row(
                modelId, checked.version().id(), seq, windowStart, record, label, correct));
        LabelJoin.count(
            counters,
            new WindowKey(modelId, checked.version().id(), windowStart),
            record,
            label == null ? null : label.value());
        stored.add(checked);
        seqs.add(seq);
      }
      if (!rows.isEmpty()) {
        InferenceTable.insert(connection, rows);
      }
    }
    return seq;
  }

  private void afterCommit(GroupResult result) {
    result.receipts().forEach((task, receipt) -> task.future().complete(receipt));
    result
        .rejections()
        .forEach((task, rejection) -> task.future().completeExceptionally(rejection));
    if (result.learnedFeatures()) {
      registry.refresh();
    }
    check.reset();
    accumulate(result.stored(), result.seqs());
    refreshStatistics(result.stored().size() + result.joined().size());
  }

  /**
   * Runs {@code ANALYZE} on PostgreSQL whenever the rows written since the last one reach the
   * table's size then. A fresh table's statistics say "empty", and until autovacuum catches up the
   * planner answers key lookups by scanning the model's rows, so commits slow down as the table
   * grows (700 records/s at 100k rows before this).
   */
  private void refreshStatistics(long written) {
    storedSinceAnalyze += written;
    if (database.dialect() != SqlDialect.POSTGRESQL || storedSinceAnalyze < analyzedAt) {
      return;
    }
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE inference, label");
      analyzedAt += storedSinceAnalyze;
      storedSinceAnalyze = 0;
    } catch (SQLException | RuntimeException e) {
      log.warn("could not refresh the store's statistics: {}", e.toString());
    }
  }

  private void accumulate(List<CheckedRecord> stored, List<Long> seqs) {
    if (needsRecovery || stored.isEmpty()) {
      return;
    }
    RegistrySnapshot snapshot = registry.snapshot();
    try (Connection connection = database.connection()) {
      for (int i = 0; i < stored.size(); i++) {
        CheckedRecord checked = stored.get(i);
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
  void flush() {
    if (needsRecovery) {
      recover();
      return;
    }
    Map<ProfileKey, FeatureProfile> dirty = profiles.dirty();
    try (Connection connection = database.connection()) {
      connection.setAutoCommit(false);
      try {
        ProfileRepository.write(connection, dirty);
        ProgressTable.write(connection, accumulatedSeq);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    } catch (SQLException e) {
      lastFailure = e.getMessage();
      throw translate(e);
    }
    profiles.flushed();
    dirtyProfiles = profiles.dirtyCount();
  }

  /**
   * Rebuilds the profiles of records committed after the last flush from the store, and flushes.
   *
   * @throws StoreUnavailableException if the store cannot be read
   */
  void recover() {
    profiles.clear();
    try (Connection connection = database.connection()) {
      connection.setAutoCommit(false);
      long profiled = ProgressTable.read(connection);
      lastSeq = Math.max(lastSeq, Math.max(profiled, ProgressTable.maxSeq(connection)));
      accumulatedSeq = profiled;
      RegistrySnapshot snapshot = registry.snapshot();
      ProgressTable.replay(
          connection,
          profiled,
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
      throw translate(e);
    }
    profiles.flushed();
    needsRecovery = false;
    dirtyProfiles = 0;
  }

  private static boolean isConnectionFailure(SQLException e) {
    String state = e.getSQLState();
    return state == null || state.startsWith("08") || state.startsWith("57");
  }

  /** Data and integrity errors refuse the batch; anything else is the store being unavailable. */
  private static RuntimeException translate(SQLException e) {
    String state = e.getSQLState();
    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
      return new BatchRejectedException(
          List.of(Violation.ofBatch("the store refused the batch: " + e.getMessage())));
    }
    return new StoreUnavailableException("the store failed while writing: " + e.getMessage(), e);
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is broken; the pool discards it.
    }
  }
}
