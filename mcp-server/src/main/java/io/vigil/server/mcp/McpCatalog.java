package io.vigil.server.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;
import java.util.Objects;

/**
 * Everything Vigil offers an MCP client, independent of the transport: the tools (each with the
 * access it needs), resources, resource templates, prompts, and the instructions sent at
 * initialization. Stdio and Streamable HTTP serve the same catalogue, so both transports answer
 * identically.
 */
public record McpCatalog(
    String instructions,
    List<CatalogTool> tools,
    List<SyncResourceSpecification> resources,
    List<SyncResourceTemplateSpecification> resourceTemplates,
    List<SyncPromptSpecification> prompts,
    ResourceSource listedResources) {

  public McpCatalog {
    Objects.requireNonNull(instructions, "instructions");
    tools = List.copyOf(tools);
    resources = List.copyOf(resources);
    resourceTemplates = List.copyOf(resourceTemplates);
    prompts = List.copyOf(prompts);
    Objects.requireNonNull(listedResources, "listedResources");
  }

  /**
   * Resources that come and go at run time (one per model): the server lists what {@link
   * #current()} gives, and again whenever the source says it changed.
   */
  public interface ResourceSource {

    /** The resources as of now. */
    List<SyncResourceSpecification> current();

    /** Calls {@code changed} after every change to what {@link #current()} gives. */
    void onChange(Runnable changed);
  }

  /** One tool and the access a caller needs to see and call it. */
  public record CatalogTool(SyncToolSpecification specification, ToolAccess access) {

    public CatalogTool {
      Objects.requireNonNull(specification, "specification");
      Objects.requireNonNull(access, "access");
    }

    public String name() {
      return specification.tool().name();
    }
  }

  /** What calling a tool does, which decides the roles that may call it. */
  public enum ToolAccess {
    /** Reads the store; changes nothing. */
    READ,
    /** Records something for a person to act on (a proposal, an incident), never executes it. */
    PROPOSE
  }
}
