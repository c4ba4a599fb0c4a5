package io.vigil.server.mcp.tools;

import io.vigil.server.admission.QueryAdmission;
import io.vigil.server.mcp.McpCatalog.CatalogTool;
import java.util.ArrayList;
import java.util.List;

/** Vigil's MCP tools, in the order a client should meet them. */
public final class McpTools {

  private McpTools() {}

  /**
   * Every tool, each with the access it needs.
   *
   * @param admission whose turn every call takes: the same budget as the REST API's reads
   */
  public static List<CatalogTool> of(
      ToolServices services, IncidentServices incidents, QueryAdmission admission) {
    List<VigilTool> tools = new ArrayList<>();
    tools.add(new ListModelsTool(services.registry(), services.health()));
    tools.add(new ModelAccuracyTool(services.accuracy()));
    tools.add(new DataDriftTool(services.drift(), services.registry()));
    tools.add(new InferenceLogsTool(services.logs()));
    tools.add(new VersionComparisonTool(services.comparison()));
    tools.add(new FeatureDistributionTool(services.distribution()));
    tools.add(new LatencyMetricsTool(services.latency()));
    tools.add(new SegmentAnalysisTool(services.segments()));
    tools.add(new ListIncidentsTool(incidents.queries()));
    tools.add(new GetIncidentTool(incidents.queries()));
    tools.add(new DiagnoseModelTool(incidents));
    tools.add(new ProposeRemediationTool(incidents.proposals()));
    return tools.stream()
        .map(tool -> new CatalogTool(ToolSpecifications.of(tool, admission), tool.access()))
        .toList();
  }
}
