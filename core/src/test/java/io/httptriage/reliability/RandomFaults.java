package io.httptriage.reliability;

import io.httptriage.contract.Recorded;
import io.httptriage.contract.Reply;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A test server's answers drawn at random but reproducibly: the answer to the n-th request for a
 * path depends only on the seed, the path and n, never on how concurrent requests interleave. So a
 * failing run can be replayed with its seed, and every answer is counted by kind.
 *
 * <p>About one request in three meets a retryable status, one in ten a 500, one in seven a 302 to
 * {@code /moved} + path (never from a path that was already moved, so every redirect is followed
 * once), one in twenty a 401 without a challenge; the rest a 200. The retryable ones never ask for
 * "Retry-After: 0" on a 503, which OkHttp would resend by itself.
 *
 * <p>Thread-safe.
 */
public final class RandomFaults implements Function<Recorded, Reply> {
  /** What a request was answered with. */
  public enum Kind {
    /** 503 with Retry-After: 1. */
    UNAVAILABLE,
    /** 429 with Retry-After: 0. */
    TOO_MANY_REQUESTS,
    /** 502 without Retry-After: backoff. */
    BAD_GATEWAY,
    /** 500, which the default policy does not retry. */
    SERVER_ERROR,
    /** 302 to another path of the same server. */
    FOUND,
    /** 401 without WWW-Authenticate: a conformance finding. */
    UNAUTHORIZED,
    /** 200 with a body naming the path. */
    OK
  }

  private static final String MOVED = "/moved";

  private final long seed;
  private final Map<String, AtomicInteger> requestsPerPath = new ConcurrentHashMap<>();
  private final Map<Kind, LongAdder> served = new EnumMap<>(Kind.class);

  /** Answers drawn from {@code seed}. */
  public RandomFaults(long seed) {
    this.seed = seed;
    for (Kind kind : Kind.values()) {
      served.put(kind, new LongAdder());
    }
  }

  @Override
  public Reply apply(Recorded request) {
    String path = request.path();
    int nth = requestsPerPath.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
    Kind kind = draw(path, nth);
    served.get(kind).increment();
    switch (kind) {
      case UNAVAILABLE:
        return Reply.status(503).header("Retry-After", "1").body("busy");
      case TOO_MANY_REQUESTS:
        return Reply.status(429).header("Retry-After", "0").body("slow down");
      case BAD_GATEWAY:
        return Reply.status(502).body("bad gateway");
      case SERVER_ERROR:
        return Reply.status(500).body("boom");
      case FOUND:
        return Reply.status(302).header("Location", MOVED + path).body("moved");
      case UNAUTHORIZED:
        return Reply.status(401).body("who are you");
      default:
        return Reply.status(200).body("ok " + path);
    }
  }

  private Kind draw(String path, int nth) {
    int roll = new SplittableRandom(seed ^ ((long) path.hashCode() << 20) ^ nth).nextInt(100);
    if (roll < 15) {
      return Kind.UNAVAILABLE;
    } else if (roll < 25) {
      return Kind.TOO_MANY_REQUESTS;
    } else if (roll < 30) {
      return Kind.BAD_GATEWAY;
    } else if (roll < 40) {
      return Kind.SERVER_ERROR;
    } else if (roll < 55) {
      return path.startsWith(MOVED) ? Kind.OK : Kind.FOUND;
    } else if (roll < 60) {
      return Kind.UNAUTHORIZED;
    }
    return Kind.OK;
  }

  /** How many requests were answered with {@code kind}. */
  public long served(Kind kind) {
    return served.get(kind).sum();
  }

  /** How many requests were answered in all. */
  public long served() {
    return served.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** How many requests were answered with anything but a 200. */
  public long faults() {
    return served() - served(Kind.OK);
  }
}
