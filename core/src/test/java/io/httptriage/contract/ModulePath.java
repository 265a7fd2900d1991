package io.httptriage.contract;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves modules as a modular application would, from the jars and module directories of the
 * test's runtime class path: what a user of our modules gets, seen through the module system. Used
 * by the module resolution tests of the cli (OkHttp 5, both adapters) and of okhttp4-compat (OkHttp
 * 4.12).
 */
public final class ModulePath {
  private ModulePath() {}

  /**
   * Resolves these root modules, with every non-static {@code requires} they lead to, from the
   * modules on the test class path and the JDK's.
   *
   * @param roots the modules to resolve, e.g. {@code io.httptriage.okhttp}
   * @return the resolved configuration
   * @throws AssertionError naming the required modules found nowhere
   * @throws java.lang.module.ResolutionException when a module cannot be resolved
   */
  public static Configuration resolve(List<String> roots) {
    Map<String, Path> observable = modulesOnTheClassPath();
    // Only what the roots need: resolving any automatic module resolves every observable one,
    // and a test class path holds many that a user does not get.
    Set<Path> needed = new LinkedHashSet<>();
    Set<String> missing = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    Set<String> seen = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!seen.add(name) || ModuleFinder.ofSystem().find(name).isPresent()) {
        continue;
      }
      Path at = observable.get(name);
      if (at == null) {
        missing.add(name);
        continue;
      }
      needed.add(at);
      ModuleFinder.of(at).find(name).orElseThrow().descriptor().requires().stream()
          .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
          .forEach(r -> todo.add(r.name()));
    }
    if (!missing.isEmpty()) {
      throw new AssertionError("required modules found nowhere: " + missing);
    }
    return Configuration.empty()
        .resolve(
            ModuleFinder.compose(
                ModuleFinder.of(needed.toArray(Path[]::new)), ModuleFinder.ofSystem()),
            ModuleFinder.of(),
            roots);
  }

  /** Each module on the class path by name, the first of a name winning as on a module path. */
  private static Map<String, Path> modulesOnTheClassPath() {
    Map<String, Path> byName = new LinkedHashMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isEmpty() || !Files.exists(Path.of(entry))) {
        continue;
      }
      Path path = Path.of(entry);
      try {
        for (ModuleReference r : ModuleFinder.of(path).findAll()) {
          byName.putIfAbsent(r.descriptor().name(), path);
        }
      } catch (FindException e) {
        // a jar the module system cannot name: no user of ours needs it
      }
    }
    return byName;
  }
}
