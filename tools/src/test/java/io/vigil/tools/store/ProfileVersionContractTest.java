package io.vigil.tools.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detectors.profile.CategoricalProfile;
import io.vigil.detectors.profile.NumericProfile;
import io.vigil.tools.query.TimeRange;
import io.vigil.tools.registry.RegistrySnapshot;
import io.vigil.tools.store.ProfileRepository.VersionedProfile;
import io.vigil.tools.testing.Traffic;
import io.vigil.tools.testing.TrafficFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileVersionContractTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final int HOUR = 3_600;
  private static final TimeRange THREE_HOURS =
      new TimeRange(START, START.plus(Duration.ofHours(3)));

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void versions_areThoseOfTheProfilesRead(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      fixture.write(Traffic.of("fraud", "v1", START, 180));
      ProfileRepository profiles = repository(database, fixture);

      NavigableMap<Instant, Map<String, ProfileVersion>> versions =
          versions(profiles, fixture, List.of("amount", "city"));
      NavigableMap<Instant, Map<String, VersionedProfile>> series =
          profiles.versionedSeries(
              modelId(fixture), versionId(fixture), HOUR, THREE_HOURS, List.of("amount", "city"));

      assertThat(versions).hasSize(3);
      assertThat(series.keySet()).isEqualTo(versions.keySet());
      series.forEach(
          (start, features) ->
              features.forEach(
                  (feature, stored) -> {
                    assertThat(stored.version()).isEqualTo(versions.get(start).get(feature));
                    if (database.dialect() == SqlDialect.H2) {
                      assertThat(stored.version())
                          .isEqualTo(ProfileVersion.ofHead(stored.profile().toBytes()));
                    }
                  }));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.vigil.tools.testing.TestStores#both")
  void lateRecord_changesTheVersionOfItsWindowOnly(String store, Supplier<Database> open) {
    try (Database database = open.get();
        TrafficFixture fixture = TrafficFixture.open(database)) {
      fixture.classifier("fraud", OptionalDouble.empty(), "v1");
      fixture.write(Traffic.of("fraud", "v1", START, 180));
      ProfileRepository profiles = repository(database, fixture);
      List<String> features = List.of("amount", "city", "@prediction");
      NavigableMap<Instant, Map<String, ProfileVersion>> before =
          versions(profiles, fixture, features);

      Instant late = START.plus(Duration.ofMinutes(70));
      fixture.write(Traffic.of("fraud", "v1", late, 1).withSeed(7));
      NavigableMap<Instant, Map<String, ProfileVersion>> after =
          versions(profiles, fixture, features);

      Instant changed = START.plus(Duration.ofHours(1));
      for (String feature : features) {
        assertThat(after.get(changed).get(feature))
            .as(feature)
            .isNotEqualTo(before.get(changed).get(feature));
      }
      assertThat(after.get(START)).isEqualTo(before.get(START));
      assertThat(after.get(changed.plusSeconds(HOUR)))
          .isEqualTo(before.get(changed.plusSeconds(HOUR)));
    }
  }

  @Test
  void ofHead_profileThatTookInOneMoreValueOrMissing_isAnotherVersion() {
    NumericProfile numeric = NumericProfile.create(1);
    for (int i = 0; i < 5_000; i++) {
      numeric.accept(i % 97);
    }
    CategoricalProfile categorical = CategoricalProfile.create();
    categorical.accept("a");
    ProfileVersion numericBefore = ProfileVersion.ofHead(numeric.toBytes());
    ProfileVersion categoricalBefore = ProfileVersion.ofHead(categorical.toBytes());
    NumericProfile oneMissingMore = numeric.copy();
    oneMissingMore.acceptMissing();

    numeric.accept(5);
    categorical.accept("a");

    assertThat(ProfileVersion.ofHead(numeric.toBytes())).isNotEqualTo(numericBefore);
    assertThat(ProfileVersion.ofHead(oneMissingMore.toBytes())).isNotEqualTo(numericBefore);
    assertThat(ProfileVersion.ofHead(categorical.toBytes())).isNotEqualTo(categoricalBefore);
    assertThat(ProfileVersion.ofHead(numeric.copy().toBytes()))
        .isEqualTo(ProfileVersion.ofHead(numeric.toBytes()));
  }

  @Test
  void ofHeadOrRow_nothing_isRefused() {
    assertThatThrownBy(() -> ProfileVersion.ofHead(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("head of the profile's bytes");
    assertThatThrownBy(() -> ProfileVersion.ofRow(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row's version");
  }

  private static ProfileRepository repository(Database database, TrafficFixture fixture) {
    return new ProfileRepository(database, fixture.settings().profileSpans());
  }

  private static NavigableMap<Instant, Map<String, ProfileVersion>> versions(
      ProfileRepository profiles, TrafficFixture fixture, List<String> features) {
    return profiles.versions(modelId(fixture), versionId(fixture), HOUR, THREE_HOURS, features);
  }

  private static long modelId(TrafficFixture fixture) {
    return fixture.registry().snapshot().require("fraud").id();
  }

  private static long versionId(TrafficFixture fixture) {
    RegistrySnapshot snapshot = fixture.registry().snapshot();
    return snapshot.requireVersion("fraud", "v1").id();
  }
}
