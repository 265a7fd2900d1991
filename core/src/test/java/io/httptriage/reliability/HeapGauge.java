package io.httptriage.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The used heap once the garbage is gone, as near as a test can tell. */
final class HeapGauge {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private HeapGauge() {}

  /** The least used heap seen over a few full collections, in bytes. */
  static long usedAfterGc() {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      System.gc();
      least = Math.min(least, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
