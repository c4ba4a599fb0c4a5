package io.vigil.tools.drift;

import io.vigil.detectors.profile.FeatureProfile;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.store.ProfileKind;
import io.vigil.tools.store.ProfileRepository;
import io.vigil.tools.store.ProfileRepository.Piece;
import io.vigil.tools.store.ProfileRepository.VersionedProfile;
import io.vigil.tools.store.ProfileVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A version's profiles merged over a range, as {@link ProfileRepository#merged} merges them, built
 * on what an earlier call already merged.
 *
 * <p>A merged profile is a fold: the range's first window's profile, combined with each later one
 * in window order. For every feature this remembers the fold over all the range's windows but the
 * last, with the {@link ProfileVersion} of each window it took in; a later call whose range starts
 * in the same window and whose windows begin with those same versions starts from a copy of that
 * fold and reads and combines only the windows after it, which in steady traffic is the newest. A
 * late record changes its window's version and so sends that feature back to a full fold. A copy
 * continues exactly as the original would ({@link io.vigil.detectors.profile.NumericProfile#copy}),
 * so the answer is the same fold of the same profiles in the same order as a fold from scratch (the
 * quantile sketches' compaction draws random bits as it merges, so not even two folds from scratch
 * agree to the last bit).
 *
 * <p>A relative window moves its start with every new five-minute window, so in steady traffic a
 * full fold happens once per five minutes; the calls between reuse it.
 */
final class CurrentProfiles {

  /** Folds remembered, one per (model, version, range start, feature): each some 15 KB. */
  static final int CACHED_FOLDS = 512;

  private record FoldKey(long modelId, long versionId, Instant rangeStart, String feature) {}

  /** One window a fold took in. */
  private record Step(int spanSeconds, Instant windowStart, ProfileVersion version) {}

  /**
   * A feature's profiles folded over its first {@code steps}, serialized: each use reads a copy.
   */
  private record Fold(List<Step> steps, ProfileKind kind, byte[] bytes) {
    Fold {
      steps = List.copyOf(steps);
    }

    boolean begins(List<Step> all) {
      return all.size() > steps.size() && all.subList(0, steps.size()).equals(steps);
    }
  }

  private final ProfileRepository profiles;
  private final RecentlyUsed<FoldKey, Fold> remembered = new RecentlyUsed<>(CACHED_FOLDS);

  CurrentProfiles(ProfileRepository profiles) {
    this.profiles = profiles;
  }

  /** As {@link ProfileRepository#merged}. */
  Map<String, FeatureProfile> merged(
      long modelId, long versionId, TimeRange range, Collection<String> features) {
    List<Piece> pieces = profiles.pieces(range);
    Map<String, List<Step>> steps = new LinkedHashMap<>();
    for (Piece piece : pieces) {
      profiles
          .versions(modelId, versionId, piece.spanSeconds(), piece.range(), features)
          .forEach(
              (start, byFeature) ->
                  byFeature.forEach(
                      (feature, version) ->
                          steps
                              .computeIfAbsent(feature, k -> new ArrayList<>())
                              .add(new Step(piece.spanSeconds(), start, version))));
    }
    Instant rangeStart = pieces.get(0).from();
    Map<String, Optional<Fold>> folds = new HashMap<>();
    steps.forEach(
        (feature, all) ->
            folds.put(
                feature,
                remembered
                    .get(new FoldKey(modelId, versionId, rangeStart, feature))
                    .filter(fold -> fold.begins(all))));
    Map<Integer, NavigableMap<Instant, Map<String, VersionedProfile>>> read =
        readRest(modelId, versionId, pieces, steps, folds);
    Map<String, FeatureProfile> merged = new LinkedHashMap<>();
    steps.forEach(
        (feature, all) -> {
          FoldKey key = new FoldKey(modelId, versionId, rangeStart, feature);
          fold(key, all, folds.get(feature), read).ifPresent(p -> merged.put(feature, p));
        });
    return merged;
  }

  /** Reads, piece by piece, the windows some feature's remembered fold does not cover. */
  private Map<Integer, NavigableMap<Instant, Map<String, VersionedProfile>>> readRest(
      long modelId,
      long versionId,
      List<Piece> pieces,
      Map<String, List<Step>> steps,
      Map<String, Optional<Fold>> folds) {
    Map<Piece, Instant> earliest = new HashMap<>();
    Map<Piece, List<String>> wanted = new HashMap<>();
    steps.forEach(
        (feature, all) -> {
          int done = folds.get(feature).map(fold -> fold.steps().size()).orElse(0);
          for (Step step : all.subList(done, all.size())) {
            Piece piece = pieceOf(pieces, step);
            earliest.merge(piece, step.windowStart(), (a, b) -> a.isBefore(b) ? a : b);
            List<String> names = wanted.computeIfAbsent(piece, k -> new ArrayList<>());
            if (!names.contains(feature)) {
              names.add(feature);
            }
          }
        });
    Map<Integer, NavigableMap<Instant, Map<String, VersionedProfile>>> read = new HashMap<>();
    earliest.forEach(
        (piece, from) ->
            read.computeIfAbsent(piece.spanSeconds(), k -> new TreeMap<>())
                .putAll(
                    profiles.versionedSeries(
                        modelId,
                        versionId,
                        piece.spanSeconds(),
                        new TimeRange(from, piece.to()),
                        wanted.get(piece))));
    return read;
  }

  private static Piece pieceOf(List<Piece> pieces, Step step) {
    for (Piece piece : pieces) {
      if (piece.spanSeconds() == step.spanSeconds()
          && !step.windowStart().isBefore(piece.from())
          && step.windowStart().isBefore(piece.to())) {
        return piece;
      }
    }
    throw new IllegalStateException("window " + step + " is in none of " + pieces);
  }

  /** Folds one feature's windows on from what is remembered; remembers all but the last. */
  private Optional<FeatureProfile> fold(
      FoldKey key,
      List<Step> all,
      Optional<Fold> start,
      Map<Integer, NavigableMap<Instant, Map<String, VersionedProfile>>> read) {
    FeatureProfile merged = start.map(fold -> fold.kind().read(fold.bytes())).orElse(null);
    List<Step> taken = new ArrayList<>(start.map(Fold::steps).orElse(List.of()));
    int remembered = taken.size();
    for (int i = remembered; i < all.size(); i++) {
      Step step = all.get(i);
      VersionedProfile stored =
          read.getOrDefault(step.spanSeconds(), new TreeMap<>())
              .getOrDefault(step.windowStart(), Map.of())
              .get(key.feature());
      if (stored == null) {
        continue; // deleted since its version was read: no longer part of the range
      }
      if (i == all.size() - 1 && merged != null && taken.size() > remembered) {
        this.remembered.put(key, new Fold(taken, ProfileKind.of(merged), merged.toBytes()));
      }
      if (merged == null) {
        merged = stored.profile();
      } else {
        ProfileKind.combine(merged, stored.profile());
      }
      taken.add(new Step(step.spanSeconds(), step.windowStart(), stored.version()));
    }
    return Optional.ofNullable(merged);
  }
}
