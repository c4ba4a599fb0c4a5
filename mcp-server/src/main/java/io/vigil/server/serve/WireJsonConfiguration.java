package io.vigil.server.serve;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API reads JSON strictly about types, as it is about unknown fields: a number or a
 * boolean where the API takes text (a model's name, a version, a metadata value) is refused with
 * the field named, not quietly turned into the text {@code "42"} or {@code "true"}. (Text where a
 * number or an enum is expected is refused through {@code application.properties}.)
 */
@Configuration(proxyBeanMethods = false)
class WireJsonConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer textIsText() {
    return builder ->
        builder.postConfigurer(
            mapper ->
                mapper
                    .coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
