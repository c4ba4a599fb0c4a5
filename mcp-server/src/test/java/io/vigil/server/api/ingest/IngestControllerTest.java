package io.vigil.server.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vigil.server.api.RegistryOnTemporaryStore;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.InferenceWriter;
import io.vigil.tools.ingest.IngestReceipt;
import io.vigil.tools.ingest.LabelRecord;
import io.vigil.tools.ingest.WriterOverloadedException;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import io.vigil.tools.store.StoreUnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@WebMvcTest(IngestController.class)
@ContextConfiguration(classes = {VigilApplication.class, RegistryOnTemporaryStore.class})
@TestPropertySource(
    properties = {"vigil.ingest.max-body-bytes=2KB", "vigil.ingest.max-in-flight-bytes=2KB"})
class IngestControllerTest {

  private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

  @Autowired MockMvc mvc;
  @Autowired ModelRegistry registry;
  @MockitoBean InferenceWriter writer;

  static String record(String requestId) {
    return """
        {"request_id": "%s", "model": "fraud", "version": "v1",
         "timestamp": "2026-11-02T10:00:00Z", "features": {"amount": 12.5, "country": "DE"},
         "prediction": "legit", "confidence": 0.9, "latency_ms": 12}"""
        .formatted(requestId)
        .replace("\n", "");
  }

  static String array(int records) {
    return IntStream.range(0, records)
        .mapToObj(i -> record("r-" + i))
        .collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void inferences_jsonArray_writesTheRecordsAndAnswersTheReceipt() throws Exception {
    when(writer.writeInferences(anyList())).thenReturn(new IngestReceipt(2, 1, 1));

    mvc.perform(
            post("/api/v1/inferences").contentType(MediaType.APPLICATION_JSON).content(array(2)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.received").value(2))
        .andExpect(jsonPath("$.stored").value(1))
        .andExpect(jsonPath("$.duplicates").value(1));

    assertThat(written()).extracting(InferenceRecord::requestId).containsExactly("r-0", "r-1");
  }

  @Test
  void inferences_ndjson_writesEachLine() throws Exception {
    when(writer.writeInferences(anyList())).thenReturn(new IngestReceipt(2, 2, 0));

    mvc.perform(
            post("/api/v1/inferences")
                .contentType(NDJSON)
                .content(record("a") + "\n" + record("b") + "\n"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stored").value(2));

    assertThat(written()).extracting(InferenceRecord::requestId).containsExactly("a", "b");
  }

  @Test
  void inferences_csvContentType_answers415AndWritesNothing() throws Exception {
    mvc.perform(post("/api/v1/inferences").contentType("text/csv").content("request_id\nr-1\n"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/unsupported-media-type"));

    verify(writer, never()).writeInferences(any());
  }

  @Test
  void inferences_invalidRecords_answers400ListingEveryProblemAndWritesNothing() throws Exception {
    String batch =
        "["
            + record("ok")
            + ","
            + record("late").replace("\"timestamp\": \"2026-11-02T10:00:00Z\", ", "")
            + ","
            + record("sure").replace("0.9", "1.5")
            + "]";

    mvc.perform(post("/api/v1/inferences").contentType(MediaType.APPLICATION_JSON).content(batch))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/invalid-batch"))
        .andExpect(jsonPath("$.error_count").value(2))
        .andExpect(jsonPath("$.errors[*].index", contains(1, 2)))
        .andExpect(jsonPath("$.errors[*].request_id", contains("late", "sure")))
        .andExpect(jsonPath("$.errors[*].field", contains("timestamp", "confidence")));

    verify(writer, never()).writeInferences(any());
  }

  @Test
  void inferences_malformedJson_answers400() throws Exception {
    mvc.perform(
            post("/api/v1/inferences")
                .contentType(MediaType.APPLICATION_JSON)
                .content("[" + record("a") + ",{\"request_id\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").isNotEmpty());

    verify(writer, never()).writeInferences(any());
  }

  @Test
  void inferences_bodyOverTheLimit_answers413AndWritesNothing() throws Exception {
    mvc.perform(
            post("/api/v1/inferences").contentType(MediaType.APPLICATION_JSON).content(array(20)))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/body-too-large"));

    verify(writer, never()).writeInferences(any());
  }

  @Test
  void inferences_writerBehind_areRefusedBeforeTheBodyIsRead() throws Exception {
    doThrow(new WriterOverloadedException("ingestion is behind", Duration.ofSeconds(2)))
        .when(writer)
        .checkAdmission();

    // Not even JSON: a 429, not a 400, shows the body was never read.
    mvc.perform(post("/api/v1/inferences").contentType(MediaType.APPLICATION_JSON).content("{"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "2"))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/overloaded"));

    verify(writer, never()).writeInferences(anyList());
  }

  @Test
  void inferences_writerOverloaded_answers429WithRetryAfter() throws Exception {
    when(writer.writeInferences(anyList()))
        .thenThrow(new WriterOverloadedException("ingestion is behind", Duration.ofSeconds(3)));

    mvc.perform(
            post("/api/v1/inferences").contentType(MediaType.APPLICATION_JSON).content(array(1)))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "3"))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/overloaded"));
  }

  @Test
  void inferences_storeUnavailable_answers503WithRetryAfter() throws Exception {
    when(writer.writeInferences(anyList()))
        .thenThrow(new StoreUnavailableException("down", new SQLException("refused")));

    mvc.perform(
            post("/api/v1/inferences").contentType(MediaType.APPLICATION_JSON).content(array(1)))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().exists("Retry-After"))
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/store-unavailable"));
  }

  @Test
  void inferences_whileTheInFlightBudgetIsTaken_answers429BeforeReading() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    when(writer.writeInferences(anyList()))
        .thenAnswer(
            invocation -> {
              writing.countDown();
              assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
              return new IngestReceipt(6, 6, 0);
            });
    String batch = array(6);
    assertThat(batch.length()).isGreaterThan(1024).isLessThan(2048);
    CompletableFuture<MvcResult> first = CompletableFuture.supplyAsync(() -> perform(batch));
    assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

    mvc.perform(post("/api/v1/inferences").contentType(MediaType.APPLICATION_JSON).content(batch))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "1"));

    release.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
    mvc.perform(post("/api/v1/inferences").contentType(MediaType.APPLICATION_JSON).content(batch))
        .andExpect(status().isOk());
  }

  @Test
  void labels_jsonArray_writesTheLabels() throws Exception {
    when(writer.writeLabels(anyList())).thenReturn(new IngestReceipt(1, 1, 0));

    mvc.perform(
            post("/api/v1/labels")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "[{\"request_id\": \"r-1\", \"model\": \"fraud\", \"label\": \"fraud\","
                        + " \"timestamp\": \"2026-11-09T08:00:00Z\"}]"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.received").value(1));
  }

  @Test
  void modelLabels_takeTheModelFromThePath() throws Exception {
    registerModel("churn");
    when(writer.writeLabels(anyList())).thenReturn(new IngestReceipt(1, 1, 0));

    mvc.perform(
            post("/api/v1/models/churn/labels")
                .contentType(NDJSON)
                .content("{\"request_id\": \"r-1\", \"label\": 1, \"timestamp\": 1762675200000}\n"))
        .andExpect(status().isOk());

    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<LabelRecord>> labels = ArgumentCaptor.forClass(List.class);
    verify(writer).writeLabels(labels.capture());
    assertThat(labels.getValue()).extracting(LabelRecord::model).containsExactly("churn");
  }

  @Test
  void modelLabels_labelOfAnotherModel_answers400() throws Exception {
    registerModel("ltv");

    mvc.perform(
            post("/api/v1/models/ltv/labels")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "[{\"request_id\": \"r-1\", \"model\": \"fraud\", \"label\": 1,"
                        + " \"timestamp\": 1762675200000}]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("model"))
        .andExpect(jsonPath("$.errors[0].request_id").value("r-1"));

    verify(writer, never()).writeLabels(any());
  }

  @Test
  void modelLabels_unknownModel_answers404() throws Exception {
    mvc.perform(post("/api/v1/models/nobody/labels").contentType(NDJSON).content("{}\n"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/unknown-model"));
  }

  private List<InferenceRecord> written() {
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<InferenceRecord>> records = ArgumentCaptor.forClass(List.class);
    verify(writer).writeInferences(records.capture());
    return records.getValue();
  }

  private MvcResult perform(String batch) {
    try {
      return mvc.perform(
              post("/api/v1/inferences").contentType(MediaType.APPLICATION_JSON).content(batch))
          .andReturn();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void registerModel(String name) {
    if (registry.snapshot().find(name).isEmpty()) {
      registry.createModel(name, ModelTask.REGRESSION, "", Map.of(), OptionalDouble.empty());
    }
  }
}
