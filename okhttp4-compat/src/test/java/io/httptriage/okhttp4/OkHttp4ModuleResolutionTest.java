package io.httptriage.okhttp4;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.ModulePath;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ResolvedModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OkHttp adapter's module resolves against OkHttp 4.12, whose jar has no module-info and is the
 * automatic module {@code okhttp3} (its Automatic-Module-Name), as OkHttp 5's real one is named.
 */
class OkHttp4ModuleResolutionTest {

  @Test
  void okhttpAdapterResolvesAgainstOkHttp4AsTheAutomaticModuleOkhttp3() {
    Configuration resolved = ModulePath.resolve(List.of("io.httptriage.okhttp"));

    ModuleDescriptor okhttp3 =
        resolved.findModule("okhttp3").orElseThrow().reference().descriptor();
    assertThat(okhttp3.isAutomatic()).isTrue();
    assertThat(okhttp3.rawVersion()).contains("4.12.0");
    assertThat(resolved.modules()).extracting(ResolvedModule::name).contains("io.httptriage.core");
  }
}
