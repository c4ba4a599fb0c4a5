package io.vigil.server.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.vigil.server.serve.VigilApplication;
import io.vigil.tools.access.Role;
import io.vigil.tools.registry.ModelRegistry;
import io.vigil.tools.registry.ModelTask;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Models come and go while Vigil serves; each is a listed resource from the moment it is
 * registered. Its own server and store: the contract suite's store must not change under it.
 */
@SpringBootTest(
    classes = VigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpListedResourcesTest {

  private static final SeededStore STORE = SeededStore.create("listing");

  @DynamicPropertySource
  static void seededStore(DynamicPropertyRegistry properties) {
    properties.add("vigil.data-dir", () -> STORE.dataDir().toString());
  }

  @LocalServerPort int port;

  @Autowired ModelRegistry registry;

  @Test
  void aModelRegisteredWhileServing_isListedAndReadableAtOnce() {
    McpSyncClient client = McpClients.http(port, STORE.token(Role.READ), McpClients.NEWEST);
    try {
      assertThat(client.listResources().resources())
          .extracting(Resource::uri)
          .contains("vigil://models/credit", "vigil://models/fraud")
          .doesNotContain("vigil://models/late-model");

      registry.createModel(
          "late-model", ModelTask.CLASSIFICATION, "", Map.of(), OptionalDouble.empty(), Map.of());

      assertThat(client.listResources().resources())
          .extracting(Resource::uri)
          .contains("vigil://models/late-model");
      TextResourceContents read =
          (TextResourceContents)
              client
                  .readResource(ReadResourceRequest.builder("vigil://models/late-model").build())
                  .contents()
                  .get(0);
      assertThat(read.text()).contains("late-model").contains("NO_DATA");
    } finally {
      client.closeGracefully();
    }
  }
}
