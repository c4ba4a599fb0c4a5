package io.vigil.agent.reason.ollama;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** What went wrong when the LLM reasoner was asked, told apart by exception type. */
enum LlmFailure {
  /** The answer came but failed the schema or the checks: asking again is not worth it. */
  REFUSED,
  /** No answer within the timeout: the time budget is spent, so no retry. */
  TIMED_OUT,
  /** Ollama could not be reached or was busy: worth another attempt. */
  UNAVAILABLE,
  /** Anything else: an error answer, or a fault on Vigil's side. */
  FAILED;

  static LlmFailure of(RuntimeException failure) {
    if (failure instanceof ReplyRejectedException) {
      return REFUSED;
    }
    if (caused(failure, TimeoutException.class)
        || caused(failure, HttpTimeoutException.class)
        || caused(failure, SocketTimeoutException.class)
        || caused(failure, java.util.concurrent.TimeoutException.class)) {
      return caused(failure, HttpConnectTimeoutException.class) ? UNAVAILABLE : TIMED_OUT;
    }
    if (failure instanceof RetriableException || caused(failure, ConnectException.class)) {
      return UNAVAILABLE;
    }
    return FAILED;
  }

  /** Whether {@code failure} is, or was caused by, a {@code type}. */
  private static boolean caused(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the failure came from LangChain4j's client rather than from Vigil's own code. */
  static boolean fromClient(RuntimeException failure) {
    return failure instanceof LangChain4jException;
  }
}
