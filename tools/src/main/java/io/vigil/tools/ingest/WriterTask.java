package io.vigil.tools.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the writer thread is asked to do. */
sealed interface WriterTask {

  WriterTask STOP = new Stop(new CompletableFuture<>());

  /** Records this task holds in the queue. */
  int size();

  CompletableFuture<IngestReceipt> future();

  /** Inference records and their JSON columns, encoded before the batch is queued. */
  record Inferences(
      List<InferenceRecord> batch,
      List<EncodedColumns> encoded,
      CompletableFuture<IngestReceipt> future)
      implements WriterTask {
    @Override
    public int size() {
      return batch.size();
    }
  }

  record Labels(List<LabelRecord> batch, CompletableFuture<IngestReceipt> future)
      implements WriterTask {
    @Override
    public int size() {
      return batch.size();
    }
  }

  record Flush(CompletableFuture<IngestReceipt> future) implements WriterTask {
    @Override
    public int size() {
      return 0;
    }
  }

  record Stop(CompletableFuture<IngestReceipt> future) implements WriterTask {
    @Override
    public int size() {
      return 0;
    }
  }
}
