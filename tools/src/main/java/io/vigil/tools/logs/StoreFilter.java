package io.vigil.tools.logs;

import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.Timestamps;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The part of a search the store evaluates: model, version, time (on the {@code (model_id, ts)}
 * index), error type, correctness and confidence, as a WHERE clause and its parameters.
 */
final class StoreFilter {

  @FunctionalInterface
  private interface Parameter {
    void bind(PreparedStatement statement, int index) throws SQLException;
  }

  private final List<String> conditions = new ArrayList<>();
  private final List<Parameter> parameters = new ArrayList<>();

  StoreFilter(long modelId, OptionalLong versionId, TimeRange range) {
    add("model_id = ?", (s, i) -> s.setLong(i, modelId));
    add("ts >= ?", (s, i) -> Timestamps.set(s, i, range.from()));
    add("ts < ?", (s, i) -> Timestamps.set(s, i, range.to()));
    versionId.ifPresent(id -> add("version_id = ?", (s, i) -> s.setLong(i, id)));
  }

  StoreFilter correctness(Correctness correctness) {
    switch (correctness) {
      case ANY -> {}
      case CORRECT -> conditions.add("correct = TRUE");
      case INCORRECT -> conditions.add("correct = FALSE");
      case UNLABELED -> conditions.add("label_class IS NULL AND label_value IS NULL");
      case LABELED -> conditions.add("(label_class IS NOT NULL OR label_value IS NOT NULL)");
    }
    return this;
  }

  StoreFilter confidence(LogQuery.ConfidenceRange range) {
    if (!range.isAny()) {
      add("confidence >= ?", (s, i) -> s.setDouble(i, range.min()));
      add("confidence <= ?", (s, i) -> s.setDouble(i, range.max()));
    }
    return this;
  }

  StoreFilter errors(ErrorFilter errors) {
    switch (errors.condition()) {
      case ANY -> {}
      case SUCCEEDED -> conditions.add("error_type IS NULL");
      case FAILED -> {
        if (errors.errorType().isPresent()) {
          String type = errors.errorType().get();
          add("error_type = ?", (s, i) -> s.setString(i, type));
        } else {
          conditions.add("error_type IS NOT NULL");
        }
      }
    }
    return this;
  }

  /** A raw condition without parameters, e.g. {@code correct = TRUE}. */
  StoreFilter where(String condition) {
    conditions.add(condition);
    return this;
  }

  String whereClause() {
    return " WHERE " + String.join(" AND ", conditions);
  }

  /** Binds the parameters from index 1; returns the next free index. */
  int bind(PreparedStatement statement) throws SQLException {
    int index = 1;
    for (Parameter parameter : parameters) {
      parameter.bind(statement, index++);
    }
    return index;
  }

  private void add(String condition, Parameter parameter) {
    conditions.add(condition);
    parameters.add(parameter);
  }
}
