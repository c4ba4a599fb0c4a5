package io.vigil.server.api.limits;

import io.vigil.server.admission.ServerBusyException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission control for ingest bodies: each request reserves its declared length (or the largest
 * allowed body when the length is not declared, as with chunked uploads) before it is read, and
 * releases it when it completes. A reservation that would pass the budget is refused, so the bodies
 * and batches being parsed at once stay within a known share of the heap whatever the number of
 * clients.
 */
final class InFlightBytes {

  /** Requests finish in milliseconds to seconds; a client waiting a second rarely waits twice. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final long budget;
  private final long maxBody;
  private final AtomicLong reserved = new AtomicLong();

  /**
   * @param budget the most bytes reserved at once
   * @param maxBody the largest body, reserved for a request of undeclared length
   */
  InFlightBytes(long budget, long maxBody) {
    if (maxBody < 1 || budget < maxBody) {
      throw new IllegalArgumentException(
          "the in-flight budget (" + budget + ") must hold one maximal body (" + maxBody + ")");
    }
    this.budget = budget;
    this.maxBody = maxBody;
  }

  /**
   * Reserves room for a body.
   *
   * @param declaredLength the request's Content-Length, or -1 when it has none
   * @return the bytes reserved, to give to {@link #release(long)}
   * @throws ServerBusyException if the budget cannot take it now
   */
  long admit(long declaredLength) {
    // A declared length past the body limit reserves only the limit: the read fails there (413).
    long bytes = declaredLength < 0 ? maxBody : Math.min(declaredLength, maxBody);
    while (true) {
      long current = reserved.get();
      if (current + bytes > budget) {
        throw new ServerBusyException(
            "the server is handling "
                + current
                + " bytes of ingest requests, the most it takes at once is "
                + budget
                + "; send the batch again shortly",
            RETRY_AFTER);
      }
      if (reserved.compareAndSet(current, current + bytes)) {
        return bytes;
      }
    }
  }

  void release(long bytes) {
    reserved.addAndGet(-bytes);
  }

  long reserved() {
    return reserved.get();
  }
}
