package io.vigil.server.api.problems;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.vigil.server.admission.ServerBusyException;
import io.vigil.server.api.limits.BodyTooLargeException;
import io.vigil.tools.ingest.BatchRejectedException;
import io.vigil.tools.ingest.Violation;
import io.vigil.tools.ingest.WriterOverloadedException;
import io.vigil.tools.registry.ConflictException;
import io.vigil.tools.registry.UnknownModelException;
import io.vigil.tools.store.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Each error class the API knows, thrown by a handler, as the client sees it. */
class ProblemHandlerTest {

  /**
   * Throws what each path names. Nested in a test class, so Boot's test type filter keeps it out of
   * every application context's component scan.
   */
  @RestController
  static class Throwing {
    @GetMapping("/batch")
    String batch() {
      throw new BatchRejectedException(
          List.of(
              new Violation(0, "r-1", "features.age", "expected a number, was \"x\""),
              new Violation(2, null, "request_id", "request_id is missing")));
    }

    @GetMapping("/unknown")
    String unknown() {
      throw UnknownModelException.model("frod", List.of("churn", "fraud"));
    }

    @GetMapping("/conflict")
    String conflict() {
      throw new ConflictException("model 'fraud' is already registered");
    }

    @GetMapping("/invalid")
    String invalid() {
      throw new IllegalArgumentException("traffic shares must sum to 1, sum to 0.5");
    }

    @GetMapping("/too-large")
    String tooLarge() throws IOException {
      throw new BodyTooLargeException(1024);
    }

    @GetMapping("/too-large-reported-as-malformed")
    String tooLargeReportedAsMalformed(HttpServletRequest request) {
      request.setAttribute(BodyTooLargeException.REQUEST_ATTRIBUTE, Boolean.TRUE);
      throw new BatchRejectedException(List.of(Violation.ofBatch("unexpected end of input")));
    }

    @GetMapping("/busy")
    String busy() {
      throw new ServerBusyException("the server is handling 300 MB", Duration.ofSeconds(1));
    }

    @GetMapping("/overloaded")
    String overloaded() {
      throw new WriterOverloadedException("the queue is full", Duration.ofMillis(1500));
    }

    @GetMapping("/store")
    String store() {
      throw new StoreUnavailableException(
          "the store at jdbc:postgresql://db.internal:5432/vigil is unavailable",
          new SQLException("Connection refused"));
    }

    @GetMapping("/bug")
    String bug() {
      throw new IllegalStateException("index out of range in WindowCounters");
    }

    @PostMapping("/post-only")
    String postOnly() {
      return "ok";
    }
  }

  private MockMvc mvc;

  @BeforeEach
  void standalone() {
    mvc =
        MockMvcBuilders.standaloneSetup(new Throwing())
            .setControllerAdvice(new ProblemHandler())
            .setMessageConverters(
                new MappingJackson2HttpMessageConverter(
                    Jackson2ObjectMapperBuilder.json()
                        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                        .build()))
            .build();
  }

  @Test
  void batchRejected_is400WithEveryViolation() throws Exception {
    mvc.perform(get("/batch"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/invalid-batch"))
        .andExpect(jsonPath("$.error_count").value(2))
        .andExpect(jsonPath("$.errors[0].index").value(0))
        .andExpect(jsonPath("$.errors[0].request_id").value("r-1"))
        .andExpect(jsonPath("$.errors[0].field").value("features.age"))
        .andExpect(jsonPath("$.errors[0].message").value("expected a number, was \"x\""))
        .andExpect(jsonPath("$.errors[1].index").value(2))
        .andExpect(jsonPath("$.errors[1].request_id").isEmpty());
  }

  @Test
  void unknownModel_is404ListingTheKnownNames() throws Exception {
    mvc.perform(get("/unknown"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/unknown-model"))
        .andExpect(jsonPath("$.detail").value("unknown model 'frod'; known: churn, fraud"))
        .andExpect(jsonPath("$.known[1]").value("fraud"));
  }

  @Test
  void conflict_is409() throws Exception {
    mvc.perform(get("/conflict"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/conflict"));
  }

  @Test
  void illegalArgument_is400WithTheMessageAsItsError() throws Exception {
    mvc.perform(get("/invalid"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/invalid-request"))
        .andExpect(
            jsonPath("$.errors[0].message").value("traffic shares must sum to 1, sum to 0.5"));
  }

  @Test
  void bodyTooLarge_is413() throws Exception {
    mvc.perform(get("/too-large"))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/body-too-large"))
        .andExpect(jsonPath("$.detail").value(containsString("1024 bytes")));
  }

  @Test
  void bodyOverTheLimit_is413EvenWhenAParserReportedItAsMalformed() throws Exception {
    mvc.perform(get("/too-large-reported-as-malformed"))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/body-too-large"));
  }

  @Test
  void ingestBusy_is429WithRetryAfter() throws Exception {
    mvc.perform(get("/busy"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "1"))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/overloaded"));
  }

  @Test
  void writerOverloaded_is429WithRetryAfterRoundedUp() throws Exception {
    mvc.perform(get("/overloaded"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "2"))
        .andExpect(jsonPath("$.detail").value("the queue is full"));
  }

  @Test
  void storeUnavailable_is503WithRetryAfterAndNoConnectionDetails() throws Exception {
    mvc.perform(get("/store"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/store-unavailable"))
        .andExpect(content().string(not(containsString("db.internal"))));
  }

  @Test
  void bug_is500WithoutItsMessageOrStackTrace() throws Exception {
    mvc.perform(get("/bug"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/internal-error"))
        .andExpect(content().string(not(containsString("WindowCounters"))))
        .andExpect(content().string(not(containsString("at io.vigil"))));
  }

  @Test
  void wrongMethod_is405Typed() throws Exception {
    mvc.perform(get("/post-only"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/method-not-allowed"));
  }
}
