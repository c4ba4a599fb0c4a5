package io.vigil.tools.ingest;

import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.store.Database;
import io.vigil.tools.store.StoreUnavailableException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer every accepted record goes through: a bounded queue in front of one thread that
 * commits batches (several at a time, in one transaction), joins labels to their inferences in
 * either order, keeps the per-window counters exact, and updates the window profiles.
 *
 * <p>Guarantees: a batch is stored whole or not at all; its future completes only after the commit;
 * a request id already stored is acknowledged as a duplicate and not stored again; when the queue
 * is full, {@link WriterOverloadedException} refuses new batches at once (with a retry hint) so the
 * heap stays bounded; a store failure fails the batches it touched with {@link
 * StoreUnavailableException} and the writer carries on when the store is back. Profiles are flushed
 * every {@link IngestSettings#profileFlushInterval()} together with the commit sequence they cover,
 * so after a crash they are rebuilt from the records committed since.
 *
 * <p>One writer per store: it relies on being the only process inserting records.
 */
public final class InferenceWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InferenceWriter.class);
  private static final Duration MIN_RETRY = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY = Duration.ofSeconds(60);
  private static final long CLOSE_TIMEOUT_SECONDS = 60;

  private final IngestSettings settings;
  private final BlockingQueue<WriterTask> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final GroupCommitter committer;
  private final ProfileStage stage;
  private final Thread thread;
  private volatile boolean closing;

  private InferenceWriter(IngestSettings settings, GroupCommitter committer, ProfileStage stage) {
    this.settings = settings;
    this.committer = committer;
    this.stage = stage;
    this.thread = new Thread(this::run, "vigil-writer");
  }

  /**
   * Opens the writer: rebuilds the profiles of records committed after the last profile flush, then
   * starts the writer thread.
   *
   * @throws StoreUnavailableException if the store cannot be read
   */
  public static InferenceWriter start(
      Database database, ModelRegistry registry, IngestSettings settings, InstantSource clock) {
    ProfileStage stage = new ProfileStage(database, registry, settings);
    long lastSeq = stage.start();
    GroupCommitter committer = new GroupCommitter(database, registry, settings, clock, lastSeq);
    InferenceWriter writer = new InferenceWriter(settings, committer, stage);
    writer.thread.start();
    return writer;
  }

  /** Adds a listener, told of each commit in commit order on the thread that follows commits. */
  public void addListener(CommitListener listener) {
    stage.addListener(listener);
  }

  /**
   * Queues inference records; the future completes after they are committed.
   *
   * @throws WriterOverloadedException at once when the queue is full (nothing is queued)
   * @throws StoreUnavailableException at once when the writer is closing
   */
  public CompletableFuture<IngestReceipt> submitInferences(List<InferenceRecord> batch) {
    List<InferenceRecord> records = List.copyOf(batch);
    return enqueue(
        records.size(),
        () ->
            new WriterTask.Inferences(
                records, EncodedColumns.of(records), new CompletableFuture<>()));
  }

  /**
   * Queues labels; the future completes after they are committed and joined.
   *
   * @throws WriterOverloadedException at once when the queue is full (nothing is queued)
   * @throws StoreUnavailableException at once when the writer is closing
   */
  public CompletableFuture<IngestReceipt> submitLabels(List<LabelRecord> batch) {
    List<LabelRecord> labels = List.copyOf(batch);
    return enqueue(labels.size(), () -> new WriterTask.Labels(labels, new CompletableFuture<>()));
  }

  /**
   * Stores inference records and waits for the commit.
   *
   * @throws BatchRejectedException if any record is invalid (nothing stored)
   * @throws WriterOverloadedException if the queue is full
   * @throws StoreUnavailableException if the store failed (nothing stored; send again)
   */
  public IngestReceipt writeInferences(List<InferenceRecord> batch) {
    return await(submitInferences(batch));
  }

  /** Stores labels and waits for the commit; throws as {@link #writeInferences} does. */
  public IngestReceipt writeLabels(List<LabelRecord> batch) {
    return await(submitLabels(batch));
  }

  /**
   * Writes every profile change so far to the store and waits for it; by then every listener has
   * been told of every commit before the call.
   *
   * @throws StoreUnavailableException if the store failed
   */
  public void flushProfiles() {
    WriterTask.Flush flush = new WriterTask.Flush(new CompletableFuture<>());
    if (closing || !thread.isAlive() || !stage.isAlive()) {
      throw new StoreUnavailableException("the writer is closed", null);
    }
    queue.add(flush);
    await(flush.future());
  }

  public WriterStatus status() {
    return new WriterStatus(
        queued.get(),
        settings.queueCapacity(),
        committer.recordsPerSecond(),
        stage.dirtyProfiles(),
        Optional.ofNullable(committer.lastFailure())
            .or(() -> Optional.ofNullable(stage.lastFailure())),
        thread.isAlive() && stage.isAlive());
  }

  /** Commits everything queued, flushes the profiles, and stops the thread. */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    queue.add(WriterTask.STOP);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
      stage.stop(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reserves room for {@code size} records, then builds the task (its encoding included). */
  private CompletableFuture<IngestReceipt> enqueue(int size, Supplier<WriterTask> build) {
    if (closing) {
      throw new StoreUnavailableException("the writer is shutting down", null);
    }
    if (!thread.isAlive() || !stage.isAlive()) {
      throw new StoreUnavailableException(
          "the writer stopped on an unexpected error (see the log); restart Vigil", null);
    }
    int total = queued.addAndGet(size);
    if (total > settings.queueCapacity() && total != size) {
      queued.addAndGet(-size);
      throw new WriterOverloadedException(
          "ingestion is behind: "
              + (total - size)
              + " records are waiting to be written (capacity "
              + settings.queueCapacity()
              + "); nothing from this batch was stored, send it again later",
          retryAfter(total - size));
    }
    WriterTask task;
    try {
      task = build.get();
    } catch (RuntimeException e) {
      queued.addAndGet(-size);
      throw e;
    }
    queue.add(task);
    return task.future();
  }

  private Duration retryAfter(int backlog) {
    double rate = committer.recordsPerSecond();
    long seconds = rate > 0 ? (long) Math.ceil(backlog / rate) : MAX_RETRY.toSeconds();
    return Duration.ofSeconds(
        Math.max(MIN_RETRY.toSeconds(), Math.min(MAX_RETRY.toSeconds(), seconds)));
  }

  private static IngestReceipt await(CompletableFuture<IngestReceipt> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private void run() {
    try {
      loop();
    } catch (Throwable e) {
      log.error("the writer thread stopped on an unexpected error; queued batches fail", e);
      failRemaining();
      throw e;
    }
  }

  private void loop() {
    boolean stopping = false;
    while (!stopping) {
      List<WriterTask> group = new ArrayList<>();
      try {
        WriterTask first = queue.take();
        group.add(first);
        int records = first.size();
        while (records < settings.maxGroupRecords()
            && queue.peek() != null
            && !(queue.peek() instanceof WriterTask.Stop)) {
          WriterTask next = queue.poll();
          group.add(next);
          records += next.size();
        }
        if (queue.peek() instanceof WriterTask.Stop) {
          stopping = true;
        }
      } catch (InterruptedException e) {
        stopping = true;
      }
      stopping |= group.removeIf(task -> task instanceof WriterTask.Stop);
      // Taken off the queue: no longer waiting (the group itself is bounded by maxGroupRecords).
      queued.addAndGet(-group.stream().mapToInt(WriterTask::size).sum());
      List<WriterTask> flushes = new ArrayList<>(group);
      group.removeIf(task -> task instanceof WriterTask.Flush);
      flushes.removeAll(group);
      try {
        if (!group.isEmpty()) {
          stage.accept(committer.commit(group));
        }
        // After the group's hand-over: a flush covers every commit before it.
        flushes.forEach(flush -> stage.flush(flush.future()));
      } catch (RuntimeException e) {
        group.forEach(task -> task.future().completeExceptionally(e));
        flushes.forEach(flush -> flush.future().completeExceptionally(e));
        log.warn("writer: {}", e.getMessage());
      }
    }
    failRemaining();
  }

  private void failRemaining() {
    WriterTask task;
    while ((task = queue.poll()) != null) {
      task.future()
          .completeExceptionally(new StoreUnavailableException("the writer stopped", null));
    }
  }
}
