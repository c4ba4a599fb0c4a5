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
import java.util.function.LongSupplier;
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
 * is full, or a batch queued now would wait longer than {@link IngestSettings#maxQueueDelay()}
 * ({@link QueueWait}), {@link WriterOverloadedException} refuses new batches at once (with a retry
 * hint), so the heap stays bounded and an accepted batch is answered in time however slow the store
 * is; a store failure fails the batches it touched with {@link StoreUnavailableException} and the
 * writer carries on when the store is back. Profiles are flushed every {@link
 * IngestSettings#profileFlushInterval()} together with the commit sequence they cover, so after a
 * crash they are rebuilt from the records committed since.
 *
 * <p>One writer per store: it relies on being the only process inserting records.
 */
public final class InferenceWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InferenceWriter.class);
  private static final Duration MIN_RETRY = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY = Duration.ofSeconds(60);
  private static final long CLOSE_TIMEOUT_SECONDS = 60;

  private final IngestSettings settings;
  private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final GroupCommitter committer;
  private final ProfileStage stage;
  private final Thread thread;
  private final LongSupplier ticker;
  private final QueueWait wait = new QueueWait();
  private volatile boolean closing;

  private InferenceWriter(
      IngestSettings settings, GroupCommitter committer, ProfileStage stage, LongSupplier ticker) {
    this.settings = settings;
    this.committer = committer;
    this.stage = stage;
    this.ticker = ticker;
    this.thread = new Thread(this::run, "vigil-writer");
  }

  /**
   * A task and when it was queued, on the ticker's scale: the queue's delay is measured in elapsed
   * time, not on the clock records are stamped with (a simulation's clock jumps ahead).
   */
  private record Queued(WriterTask task, long queuedAtNanos) {}

  /**
   * Opens the writer: rebuilds the profiles of records committed after the last profile flush, then
   * starts the writer thread.
   *
   * @throws StoreUnavailableException if the store cannot be read
   */
  public static InferenceWriter start(
      Database database, ModelRegistry registry, IngestSettings settings, InstantSource clock) {
    return start(database, registry, settings, clock, System::nanoTime);
  }

  /**
   * As {@link #start(Database, ModelRegistry, IngestSettings, InstantSource)}, measuring how long
   * batches wait in the queue with {@code ticker} (nanoseconds, like {@link System#nanoTime()}).
   */
  static InferenceWriter start(
      Database database,
      ModelRegistry registry,
      IngestSettings settings,
      InstantSource clock,
      LongSupplier ticker) {
    ProfileStage stage = new ProfileStage(database, registry, settings);
    long lastSeq = stage.start();
    GroupCommitter committer = new GroupCommitter(database, registry, settings, clock, lastSeq);
    InferenceWriter writer = new InferenceWriter(settings, committer, stage, ticker);
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
   * @throws WriterOverloadedException at once when the queue is full or too slow (nothing is
   *     queued)
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
   * @throws WriterOverloadedException at once when the queue is full or too slow (nothing is
   *     queued)
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
    queue.add(new Queued(flush, ticker.getAsLong()));
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
    queue.add(new Queued(WriterTask.STOP, ticker.getAsLong()));
    try {
      thread.join(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
      stage.stop(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Refuses now, before a batch has been read, when the writer would refuse any batch: the queue is
   * full, or a batch queued now would wait past {@link IngestSettings#maxQueueDelay()}. Reading and
   * checking a batch costs the processors more than writing it, so under overload a server that
   * refused only after reading spent them on batches it then turned away, and wrote less than half
   * of what it writes at its sustainable rate (load harness, PostgreSQL, 3x).
   *
   * @throws WriterOverloadedException if a batch would be refused (nothing is stored)
   */
  public void checkAdmission() {
    int backlog = queued.get();
    Optional<WriterOverloadedException> refusal =
        refusal(backlog, backlog >= settings.queueCapacity());
    if (refusal.isPresent()) {
      throw refusal.get();
    }
  }

  /**
   * Why a batch behind {@code ahead} queued records is refused, if it is.
   *
   * @param overCapacity whether the batch would pass the queue's capacity
   */
  private Optional<WriterOverloadedException> refusal(int ahead, boolean overCapacity) {
    if (overCapacity && ahead > 0) {
      return Optional.of(
          new WriterOverloadedException(
              "ingestion is behind: "
                  + ahead
                  + " records are waiting to be written (capacity "
                  + settings.queueCapacity()
                  + "); nothing from this batch was stored, send it again later",
              retryAfter(ahead)));
    }
    Duration expected = wait.expected(ahead, oldestWait());
    if (expected.compareTo(settings.maxQueueDelay()) > 0) {
      return Optional.of(
          new WriterOverloadedException(
              "ingestion is behind: a batch queued now would wait about "
                  + expected.toMillis()
                  + " ms to be written (the most is "
                  + settings.maxQueueDelay().toMillis()
                  + " ms); nothing from this batch was stored, send it again later",
              retryAfter(ahead)));
    }
    return Optional.empty();
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
    Optional<WriterOverloadedException> refusal =
        refusal(total - size, total > settings.queueCapacity());
    if (refusal.isPresent()) {
      queued.addAndGet(-size);
      throw refusal.get();
    }
    WriterTask task;
    try {
      task = build.get();
    } catch (RuntimeException e) {
      queued.addAndGet(-size);
      throw e;
    }
    queue.add(new Queued(task, ticker.getAsLong()));
    return task.future();
  }

  /** How long the task at the head of the queue (the next to be written) has waited so far. */
  private Duration oldestWait() {
    Queued head = queue.peek();
    return head == null
        ? Duration.ZERO
        : Duration.ofNanos(Math.max(0, ticker.getAsLong() - head.queuedAtNanos()));
  }

  private Duration retryAfter(int backlog) {
    double rate =
        wait.recordsPerSecond() > 0 ? wait.recordsPerSecond() : committer.recordsPerSecond();
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
        WriterTask first = queue.take().task();
        group.add(first);
        int records = first.size();
        // Only this thread takes from the queue: a task seen at its head stays there until taken.
        Queued next = queue.peek();
        while (records < settings.maxGroupRecords()
            && next != null
            && !(next.task() instanceof WriterTask.Stop)) {
          queue.poll();
          group.add(next.task());
          records += next.task().size();
          next = queue.peek();
        }
        if (next != null && next.task() instanceof WriterTask.Stop) {
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
          long started = ticker.getAsLong();
          stage.accept(committer.commit(group));
          wait.written(
              group.stream().mapToInt(WriterTask::size).sum(), ticker.getAsLong() - started);
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
    Queued waiting;
    while ((waiting = queue.poll()) != null) {
      waiting
          .task()
          .future()
          .completeExceptionally(new StoreUnavailableException("the writer stopped", null));
    }
  }
}
