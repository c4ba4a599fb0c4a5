package io.vigil.server.api.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vigil.server.api.RegistryOnTemporaryStore;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ModelsController.class)
@ContextConfiguration(classes = {VigilApplication.class, RegistryOnTemporaryStore.class})
class ModelsControllerTest {

  private static final AtomicInteger MODELS = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired ModelRegistry registry;

  /** This test's model name: the context (and its store) is shared by the tests of the class. */
  private final String fraud = "fraud-" + MODELS.incrementAndGet();

  @Test
  void register_validModel_answers201WithTheModelInSnakeCase() throws Exception {
    String body =
        """
        {"name": "%s", "task": "classification", "description": "card payments",
         "metadata": {"team": "risk"}, "accuracy_target": 0.9,
         "features": {"amount": "numeric", "country": "categorical", "returning": "boolean"}}
        """
            .formatted(fraud);

    mvc.perform(post("/api/v1/models").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "http://localhost/api/v1/models/" + fraud))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.name").value(fraud))
        .andExpect(jsonPath("$.task").value("classification"))
        .andExpect(jsonPath("$.accuracy_target").value(0.9))
        .andExpect(jsonPath("$.created_at").value("2026-11-02T10:00:00Z"))
        .andExpect(jsonPath("$.features.country").value("categorical"))
        .andExpect(jsonPath("$.active_version").isEmpty());

    assertThat(registry.snapshot().features(fraud))
        .containsOnlyKeys("amount", "country", "returning");
  }

  @Test
  void register_takenName_answers409Problem() throws Exception {
    register(fraud);

    mvc.perform(
            post("/api/v1/models")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + fraud + "\", \"task\": \"regression\"}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/conflict"))
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.detail").value("model '" + fraud + "' is already registered"));
  }

  @Test
  void register_missingTask_answers400NamingTheField() throws Exception {
    mvc.perform(
            post("/api/v1/models")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"fraud\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/invalid-request"))
        .andExpect(
            jsonPath("$.errors[0].message").value("task is required: classification or regression"))
        .andExpect(jsonPath("$.errors[0].index").isEmpty());
  }

  @Test
  void register_reservedMetadataKey_answers400AndRegistersNothing() throws Exception {
    String body =
        "{\"name\": \""
            + fraud
            + "\", \"task\": \"classification\","
            + " \"metadata\": {\"vigil.simulation\": \"x\"}}";

    mvc.perform(post("/api/v1/models").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(containsString("metadata key 'vigil.simulation' is reserved")));

    assertThat(registry.snapshot().find(fraud)).isEmpty();
  }

  @Test
  void register_unknownTask_answers400ListingTheTasks() throws Exception {
    mvc.perform(
            post("/api/v1/models")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"fraud\", \"task\": \"ranking\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("task"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("classification")));
  }

  @Test
  void register_misspeltField_answers400NamingIt() throws Exception {
    mvc.perform(
            post("/api/v1/models")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"fraud\", \"task\": \"regression\", \"acuracy_target\": 1}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("acuracy_target"))
        .andExpect(
            jsonPath("$.errors[0].message").value(startsWith("unknown field 'acuracy_target'")));
  }

  @Test
  void register_malformedJson_answers400WithTheLocation() throws Exception {
    mvc.perform(
            post("/api/v1/models")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"fraud\",,}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value(startsWith("malformed JSON at line 1")));
  }

  @Test
  void register_invalidName_answers400WithTheRegistrysReason() throws Exception {
    mvc.perform(
            post("/api/v1/models")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"no spaces\", \"task\": \"regression\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/invalid-request"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("may contain only")));
  }

  @Test
  void register_textBody_answers415Problem() throws Exception {
    mvc.perform(post("/api/v1/models").contentType(MediaType.TEXT_PLAIN).content("fraud"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/unsupported-media-type"));
  }

  @Test
  void model_unknownName_answers404ListingTheKnownModels() throws Exception {
    register(fraud);
    register(fraud + "-churn");

    mvc.perform(get("/api/v1/models/" + fraud + "-typo").accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/unknown-model"))
        .andExpect(jsonPath("$.known", hasItems(fraud, fraud + "-churn")));
  }

  @Test
  void versionsAndDeployments_roundTrip() throws Exception {
    register(fraud);
    for (String version : new String[] {"v1", "v2"}) {
      mvc.perform(
              post("/api/v1/models/" + fraud + "/versions")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"version\": \"" + version + "\", \"metadata\": {\"commit\": \"abc\"}}"))
          .andExpect(status().isCreated())
          .andExpect(
              header()
                  .string(
                      "Location",
                      "http://localhost/api/v1/models/" + fraud + "/versions/" + version));
    }

    mvc.perform(
            post("/api/v1/models/" + fraud + "/deployments")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"traffic\": {\"v1\": 0.9, \"v2\": 0.1}, \"actor\": \"alice\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.effective_at").value("2026-11-02T10:00:00Z"))
        .andExpect(jsonPath("$.primary_version").value("v1"))
        .andExpect(jsonPath("$.reason").value(""));

    mvc.perform(get("/api/v1/models/" + fraud + "/versions"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.versions[1].version").value("v2"))
        .andExpect(jsonPath("$.versions[1].live_at").value("2026-11-02T10:00:00Z"));
    mvc.perform(get("/api/v1/models/" + fraud + "/deployments"))
        .andExpect(jsonPath("$.deployments[0].traffic.v2").value(0.1));
    mvc.perform(get("/api/v1/models/" + fraud))
        .andExpect(jsonPath("$.versions[1]").value("v2"))
        .andExpect(jsonPath("$.active_version").value("v1"));
    mvc.perform(get("/api/v1/models")).andExpect(jsonPath("$.models[*].name", hasItems(fraud)));
  }

  @Test
  void deploy_sharesNotSummingToOne_answers400() throws Exception {
    register(fraud);
    registry.addVersion(fraud, "v1", Map.of());

    mvc.perform(
            post("/api/v1/models/" + fraud + "/deployments")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"traffic\": {\"v1\": 0.5}, \"actor\": \"alice\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("traffic shares must sum to 1, sum to 0.5"));
  }

  @Test
  void deploy_unknownVersion_answers404ListingTheVersions() throws Exception {
    register(fraud);
    registry.addVersion(fraud, "v1", Map.of());

    mvc.perform(
            post("/api/v1/models/" + fraud + "/deployments")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"traffic\": {\"v9\": 1}, \"actor\": \"alice\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.known[0]").value("v1"));
  }

  private void register(String name) {
    registry.createModel(name, ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.empty());
  }
}
