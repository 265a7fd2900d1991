package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.ModulePath;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ResolvedModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resolves both adapters as a modular application would, from the jars of this test's runtime (the
 * dependencies a user gets) and our modules as built: every {@code requires} must be satisfied by a
 * real module or an automatic one.
 */
class ModuleResolutionTest {

  private static final List<String> ROOTS = List.of("io.httptriage.okhttp", "io.httptriage.jdk");

  @Test
  void bothAdaptersResolveWithEveryRequiresSatisfied() {
    Configuration resolved = ModulePath.resolve(ROOTS);

    assertThat(resolved.findModule("io.httptriage.core")).isPresent();
    ResolvedModule okhttp3 = resolved.findModule("okhttp3").orElseThrow();
    // OkHttp 5's jar (okhttp-jvm) carries a real module-info; 4.12 is the automatic "okhttp3"
    assertThat(okhttp3.reference().descriptor().isAutomatic()).isFalse();
    assertThat(okhttp3.reference().descriptor().requires())
        .extracting(ModuleDescriptor.Requires::name)
        .contains("kotlin.stdlib", "okio");
    assertThat(resolved.modules())
        .extracting(ResolvedModule::name)
        .contains(
            "io.httptriage.core",
            "io.httptriage.okhttp",
            "io.httptriage.jdk",
            "kotlin.stdlib",
            "okio",
            "io.github.resilience4j.retry",
            "io.github.resilience4j.core",
            "micrometer.core",
            "org.slf4j");
    // core reads what its API names
    ResolvedModule core = resolved.findModule("io.httptriage.core").orElseThrow();
    assertThat(core.reads())
        .extracting(ResolvedModule::name)
        .contains("io.github.resilience4j.retry", "micrometer.core", "org.slf4j");
  }
}
