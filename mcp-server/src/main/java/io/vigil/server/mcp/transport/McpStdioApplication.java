package io.vigil.server.mcp.transport;

import io.vigil.server.agent.AgentConfiguration;
import io.vigil.server.serve.QueryConfiguration;
import io.vigil.server.serve.VigilProperties;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The Spring application behind {@code vigil mcp}: no web server, no writer, no schedules; the
 * store, the query services ({@link QueryConfiguration}, shared with {@code vigil serve}) and the
 * MCP catalogue (everything under {@code io.vigil.server.mcp}). The HTTP endpoint's configuration
 * there stays off without a web server.
 *
 * <p>Why not the whole server application without its web server: that would start the {@link
 * io.vigil.tools.ingest.InferenceWriter}, whose recovery rewrites profiles, and the retention
 * schedule, which deletes records; a second process doing either beside {@code vigil serve} on a
 * shared PostgreSQL store would corrupt profiles or duplicate work. {@code vigil mcp} only reads.
 *
 * <p>Deliberately not a {@code @Configuration}, so the server's component scan never picks it up.
 */
@EnableAutoConfiguration(
    excludeName = {
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration",
      "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration",
      "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
      "org.springframework.boot.autoconfigure.h2.H2ConsoleAutoConfiguration",
      "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.jdbc.DataSourcePoolMetricsAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.flyway.FlywayEndpointAutoConfiguration"
    })
@ComponentScan("io.vigil.server.mcp")
@Import({StdioStoreConfiguration.class, QueryConfiguration.class, AgentConfiguration.class})
@EnableConfigurationProperties(VigilProperties.class)
public class McpStdioApplication {}
