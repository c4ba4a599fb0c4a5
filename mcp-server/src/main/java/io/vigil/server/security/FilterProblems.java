package io.vigil.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problem answers (RFC 9457) the security filters send before a request reaches the
 * application, in the REST API's format and under its problem type URIs.
 */
final class FilterProblems {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://vigil.dev/problems/";

  private FilterProblems() {}

  static void send(
      HttpServletResponse response, int status, String slug, String title, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", BASE + slug);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(problem));
  }
}
