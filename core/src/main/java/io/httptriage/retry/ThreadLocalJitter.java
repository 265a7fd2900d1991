package io.httptriage.retry;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** The default random source: the calling thread's {@link ThreadLocalRandom}. */
enum ThreadLocalJitter implements RandomGenerator {
  INSTANCE;

  @Override
  public long nextLong() {
    return ThreadLocalRandom.current().nextLong();
  }

  @Override
  public long nextLong(long bound) {
    return ThreadLocalRandom.current().nextLong(bound);
  }

  @Override
  public String toString() {
    return "ThreadLocalRandom";
  }
}
