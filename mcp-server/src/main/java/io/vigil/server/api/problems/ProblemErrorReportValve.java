package io.vigil.server.api.problems;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Answers the requests Tomcat refuses before any of Vigil's code runs (an encoded {@code /} or
 * {@code \} in the path, a NUL, a dot segment above the root, a request line or headers over the
 * size limit) with an RFC 9457 problem, as every other answer is, instead of Tomcat's HTML error
 * page. Answers that already have a body are left alone.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean writable = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
    if (!writable.get()) {
      return;
    }
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(problem(status)));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away or the response cannot take a body: nothing more to tell it.
    }
  }

  private static Map<String, Object> problem(int status) {
    ProblemType type = ProblemType.forStatus(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.type().toString());
    problem.put("title", type.title());
    problem.put("status", status);
    problem.put("detail", detail(status));
    return problem;
  }

  private static String detail(int status) {
    if (status == 400) {
      return "The request could not be read: its path, query or headers hold what the server"
          + " refuses (an encoded '/' or '\\', a NUL, a dot segment above the root, a malformed"
          + " escape) or are larger than it accepts; nothing was read or stored.";
    }
    return "The server refused the request before reading it (HTTP " + status + ").";
  }
}
