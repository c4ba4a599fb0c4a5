package io.vigil.tools.ingest;

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
import io.vigil.tools.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer thread's work: one transaction per group of batches, each batch stored whole or
 * refused, with the per-window counters in the same transaction. What follows a commit (profiles,
 * listeners) is the {@link ProfileStage}'s. Writer thread only.
 */
final class GroupCommitter {

  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  private static final double THROUGHPUT_SMOOTHING = 0.2;

  private final Database database;
  private final ModelRegistry registry;
  private final IngestSettings settings;
  private final InstantSource clock;
  private final RegistryCheck check;
  private final LabelJoin labelJoin = new LabelJoin();
  private long lastSeq;

  /**
   * The last commit failed, and may have gone through all the same: the database committed, then
   * the connection broke before it said so (a crash, a network cut). Its records are stored under
   * sequence numbers after {@link #lastSeq}, so the next commit continues after what is stored.
   */
  private boolean outcomeUnknown;

  private volatile double recordsPerSecond;
  private volatile String lastFailure;

  /** Features were learned since the registry was last read (the read failed). */
  private boolean registryBehind;

  GroupCommitter(
      Database database,
      ModelRegistry registry,
      IngestSettings settings,
      InstantSource clock,
      long lastSeq) {
    this.database = database;
    this.registry = registry;
    this.settings = settings;
    this.clock = clock;
    this.check = new RegistryCheck(settings.limits());
    this.lastSeq = lastSeq;
  }

  double recordsPerSecond() {
    return recordsPerSecond;
  }

  String lastFailure() {
    return lastFailure;
  }

  /** Commits a group, completing each task's future; returns what was stored. */
  ProfileStage.Group commit(List<WriterTask> group) {
    long started = System.nanoTime();
    try {
      GroupResult result;
      try {
        result = commitOnce(group, false);
      } catch (SQLException e) {
        if (!isDuplicateKey(e)) {
          throw e;
        }
        // A request id stored already (a retried batch): again, now looking stored ids up.
        check.reset();
        result = commitOnce(group, true);
      }
      outcomeUnknown = false;
      lastFailure = null;
      afterCommit(result);
      int records = result.stored().size();
      double seconds = Math.max(1e-6, (System.nanoTime() - started) / 1e9);
      recordsPerSecond =
          recordsPerSecond == 0
              ? records / seconds
              : (1 - THROUGHPUT_SMOOTHING) * recordsPerSecond
                  + THROUGHPUT_SMOOTHING * (records / seconds);
      return new ProfileStage.Group(
          result.stored(),
          result.seqs(),
          new Committed(
              result.stored().stream().map(CheckedRecord::record).toList(), result.joined()));
    } catch (SQLException e) {
      check.reset();
      outcomeUnknown = true;
      lastFailure = e.getMessage();
      if (group.size() > 1 && !isConnectionFailure(e)) {
        return commitOneByOne(group);
      }
      if (isConnectionFailure(e)) {
        database.discardConnections();
      }
      RuntimeException failure = translate(e);
      group.forEach(task -> task.future().completeExceptionally(failure));
      return new ProfileStage.Group(List.of(), List.of(), new Committed(List.of(), List.of()));
    }
  }

  /** A failed group is retried batch by batch, so one bad batch fails alone. */
  private ProfileStage.Group commitOneByOne(List<WriterTask> group) {
    List<CheckedRecord> stored = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<InferenceRecord> records = new ArrayList<>();
    List<JoinedLabel> joined = new ArrayList<>();
    for (WriterTask task : group) {
      ProfileStage.Group one = commit(List.of(task));
      stored.addAll(one.stored());
      seqs.addAll(one.seqs());
      records.addAll(one.committed().inferences());
      joined.addAll(one.committed().labels());
    }
    return new ProfileStage.Group(stored, seqs, new Committed(records, joined));
  }

  private record GroupResult(
      List<CheckedRecord> stored,
      List<Long> seqs,
      List<JoinedLabel> joined,
      Map<WriterTask, IngestReceipt> receipts,
      Map<WriterTask, RuntimeException> rejections,
      boolean learnedFeatures) {}

  /**
   * @param lookUpStored whether to look up which request ids are stored already; without, the
   *     primary key refuses a stored one and the commit fails with a duplicate key (most batches
   *     are new, and the lookup was a fifth of the writer's time and an index probe per record)
   */
  private GroupResult commitOnce(List<WriterTask> group, boolean lookUpStored) throws SQLException {
    Instant now = clock.instant();
    WindowCounters counters = new WindowCounters();
    List<CheckedRecord> stored = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<JoinedLabel> joined = new ArrayList<>();
    // Identity maps: a task's own hashCode would hash every record in its batch.
    Map<WriterTask, IngestReceipt> receipts = new IdentityHashMap<>();
    Map<WriterTask, RuntimeException> rejections = new IdentityHashMap<>();
    Map<Long, Map<String, FeatureKind>> newFeatures = new HashMap<>();
    long seq = lastSeq;
    try (Connection connection = database.writerConnection()) {
      RegistrySnapshot snapshot = current(connection);
      connection.setAutoCommit(false);
      try {
        if (outcomeUnknown) {
          seq = Math.max(seq, ProgressTable.maxSeq(connection));
        }
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
              seq =
                  insert(
                      connection,
                      checked.records(),
                      inferences.encoded(),
                      seq,
                      lookUpStored,
                      counters,
                      stored,
                      seqs);
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
      List<EncodedColumns> encoded,
      long seq,
      boolean lookUpStored,
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
      InferenceTable.Known known =
          lookUpStored
              ? InferenceTable.known(connection, modelId, ids)
              : new InferenceTable.Known(Set.of(), InferenceTable.labels(connection, modelId, ids));
      Set<String> existing = new HashSet<>(known.stored());
      Map<String, StoredLabel> pending = known.labels();
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
                modelId,
                checked.version().id(),
                seq,
                windowStart,
                record,
                encoded.get(checked.index()),
                label,
                correct));
        LabelJoin.count(
            counters,
            new WindowKey(modelId, checked.version().id(), windowStart),
            record,
            label == null ? null : label.value());
        stored.add(checked);
        seqs.add(seq);
      }
      if (!rows.isEmpty()) {
        InferenceTable.insert(connection, database.dialect(), rows);
      }
    }
    return seq;
  }

  /** The registry to check against, read again first when the read after a commit failed. */
  private RegistrySnapshot current(Connection connection) throws SQLException {
    if (registryBehind) {
      registry.refresh(connection);
      registryBehind = false;
      check.reset();
    }
    return registry.snapshot();
  }

  private void afterCommit(GroupResult result) {
    result.receipts().forEach((task, receipt) -> task.future().complete(receipt));
    result
        .rejections()
        .forEach((task, rejection) -> task.future().completeExceptionally(rejection));
    registryBehind |= result.learnedFeatures();
    if (registryBehind) {
      try (Connection connection = database.writerConnection()) {
        registry.refresh(connection);
        registryBehind = false;
      } catch (SQLException | StoreUnavailableException e) {
        // Committed all the same: the group goes on to its profiles. The check keeps the features
        // it learned (so they are not inserted twice) until the registry is read again, after the
        // next commit.
        log.warn("the registry will be read again after the next commit: {}", e.toString());
        return;
      }
    }
    check.reset();
  }

  /** A unique constraint refused a row (SQLSTATE 23505, on PostgreSQL and H2 alike). */
  private static boolean isDuplicateKey(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      for (Throwable cause = next; cause != null; cause = cause.getCause()) {
        if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
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
