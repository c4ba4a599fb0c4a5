package io.vigil.tools.distribution;

import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.tools.distribution.FeatureDistribution.CategoryCounts;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** The category shares of a categorical feature's two profiles. */
final class CategoryFigures {

  /** The most frequent categories of each side that are listed; the rest are "(other)". */
  static final int TOP = 10;

  private CategoryFigures() {}

  static CategoryCounts counts(CategoricalProfile profile) {
    CategoricalProfile.State state = profile.state();
    long observations = state.count() + state.missing();
    return new CategoryCounts(
        state.count(),
        state.missing(),
        observations == 0 ? 0 : (double) state.missing() / observations,
        state.exactCounts().map(c -> OptionalInt.of(c.size())).orElse(OptionalInt.empty()),
        state.exactCounts().isPresent());
  }

  /** The top categories of either side, most frequent in the window first, then "(other)". */
  static List<CategoryShare> shares(
      CategoricalProfile current, Optional<CategoricalProfile> baseline) {
    Map<String, Long> now = categoryCounts(current);
    Optional<Map<String, Long>> before = baseline.map(CategoryFigures::categoryCounts);
    Set<String> listed = new LinkedHashSet<>(top(now));
    before.ifPresent(counts -> listed.addAll(top(counts)));
    List<String> ordered =
        listed.stream()
            .sorted(
                Comparator.comparingLong((String c) -> -now.getOrDefault(c, 0L))
                    .thenComparingLong(c -> -before.map(b -> b.getOrDefault(c, 0L)).orElse(0L))
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    long nowTotal = current.count();
    long beforeTotal = baseline.map(CategoricalProfile::count).orElse(0L);
    Stream<CategoryShare> rows =
        ordered.stream()
            .map(
                c ->
                    share(
                        c,
                        now.getOrDefault(c, 0L),
                        nowTotal,
                        before.map(b -> b.getOrDefault(c, 0L)),
                        beforeTotal));
    long nowListed = ordered.stream().mapToLong(c -> now.getOrDefault(c, 0L)).sum();
    Optional<Long> beforeListed =
        before.map(b -> ordered.stream().mapToLong(c -> b.getOrDefault(c, 0L)).sum());
    long nowRest = Math.max(0, nowTotal - nowListed);
    Optional<Long> beforeRest = beforeListed.map(l -> Math.max(0, beforeTotal - l));
    boolean anyRest = nowRest > 0 || beforeRest.orElse(0L) > 0;
    return Stream.concat(
            rows,
            anyRest
                ? Stream.of(share(CategoryShare.OTHER, nowRest, nowTotal, beforeRest, beforeTotal))
                : Stream.empty())
        .toList();
  }

  private static CategoryShare share(
      String category, long count, long total, Optional<Long> baselineCount, long baselineTotal) {
    return new CategoryShare(
        category,
        count,
        total == 0 ? 0 : (double) count / total,
        baselineCount.map(OptionalLong::of).orElse(OptionalLong.empty()),
        baselineCount
            .map(c -> OptionalDouble.of(baselineTotal == 0 ? 0 : (double) c / baselineTotal))
            .orElse(OptionalDouble.empty()));
  }

  /** Exact counts while kept, else the frequent items' estimates (the sketch's rest is omitted). */
  private static Map<String, Long> categoryCounts(CategoricalProfile profile) {
    return profile.state().exactCounts().orElseGet(profile::frequentItems);
  }

  private static List<String> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP)
        .map(Map.Entry::getKey)
        .toList();
  }
}
