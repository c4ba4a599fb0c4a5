package io.vigil.server.api.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vigil.server.admission.QueryAdmission;
import io.vigil.server.api.RegistryOnTemporaryStore;
import io.vigil.server.serve.VigilApplication;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reads of the API take a turn from the query admission: with every turn taken, a read is refused
 * with 429 and {@code Retry-After}, while writes and a model's route (asked by serving systems on
 * every request) are not held up.
 */
@WebMvcTest(ModelsController.class)
@ContextConfiguration(
    classes = {
      VigilApplication.class,
      RegistryOnTemporaryStore.class,
      QueryAdmissionOverRestTest.OneQueryAtATime.class
    })
class QueryAdmissionOverRestTest {

  @TestConfiguration
  static class OneQueryAtATime {

    @Bean
    QueryAdmission queryAdmission() {
      return new QueryAdmission(1, Duration.ZERO);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired QueryAdmission admission;

  private QueryAdmission.Turn held;

  @BeforeEach
  void takeTheOnlyTurn() {
    held = admission.admit();
  }

  @AfterEach
  void giveItBack() {
    held.close();
  }

  @Test
  void read_whileEveryTurnIsTaken_answers429WithRetryAfter_andIsAnsweredOnceFree()
      throws Exception {
    mvc.perform(get("/api/v1/models"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "1"))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/overloaded"))
        .andExpect(jsonPath("$.detail").value(containsString("vigil.query.max-concurrent")));

    held.close();
    mvc.perform(get("/api/v1/models")).andExpect(status().isOk());

    assertThat(admission.running()).isZero();
  }

  @Test
  void writesAndRoutes_whileEveryTurnIsTaken_areNotHeldUp() throws Exception {
    mvc.perform(
            post("/api/v1/models")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"admitted\", \"task\": \"classification\"}"))
        .andExpect(status().isCreated());
    mvc.perform(get("/api/v1/models/admitted/route"))
        .andExpect(status().is(org.hamcrest.Matchers.not(429)));

    assertThat(admission.running()).isEqualTo(1);
  }
}
