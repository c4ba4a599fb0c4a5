package io.vigil.server.api.limits;

import java.io.IOException;

/**
 * A request body longer than {@code vigil.ingest.max-body-bytes}, found while reading it (or from
 * its declared length, before reading any of it). Answered with 413; nothing was stored.
 */
public final class BodyTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The request attribute set once a body has gone over the limit, whoever catches the error. */
  public static final String REQUEST_ATTRIBUTE = BodyTooLargeException.class.getName();

  private final long limitBytes;

  public BodyTooLargeException(long limitBytes) {
    super("the request body is larger than the limit of " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
