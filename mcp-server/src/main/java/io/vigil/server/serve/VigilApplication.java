package io.vigil.server.serve;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.PropertySource;

/**
 * The Spring application behind {@code vigil serve}: REST API, health and metrics now; MCP and the
 * dashboard join it as beans under {@code io.vigil.server}. Started only by the {@code serve}
 * command ({@link VigilServer}); the other commands never load Spring.
 *
 * <p>Boot's JDBC and Flyway auto-configuration stay off: the store is opened by tools' {@code
 * Database} (its own pool and migrations), which the CLI uses the same way, and exposed as beans by
 * {@link StoreConfiguration}.
 *
 * <p>{@code vigil-serve.properties} holds the defaults that only make sense here (readiness follows
 * the store), since {@code vigil mcp} reads {@code application.properties} as well.
 */
@SpringBootApplication(
    scanBasePackages = "io.vigil.server",
    excludeName = {
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration",
      "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration",
      "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
      "org.springframework.boot.autoconfigure.h2.H2ConsoleAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.jdbc.DataSourcePoolMetricsAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.flyway.FlywayEndpointAutoConfiguration"
    })
@EnableConfigurationProperties(VigilProperties.class)
@PropertySource("classpath:vigil-serve.properties")
public class VigilApplication {}
