package io.httptriage.spring;

import io.httptriage.engine.Triage;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The runtimes of the clients the starter built, held weakly so that a client dropped by the
 * application can be collected, and at most {@value #MAX} of them (the oldest are forgotten), for
 * the endpoint to read their retry budgets.
 *
 * <p>Thread-safe.
 */
final class TriageRuntimes {
  static final int MAX = 64;

  /**
   * One client's runtime, read now.
   *
   * @param client the client's name
   * @param triage its runtime
   */
  record Runtime(String client, Triage triage) {}

  private record Held(String client, WeakReference<Triage> triage) {}

  private final ArrayDeque<Held> held = new ArrayDeque<>();

  void add(String client, Triage triage) {
    synchronized (held) {
      held.removeIf(h -> h.triage().get() == null);
      if (held.size() == MAX) {
        held.removeFirst();
      }
      held.addLast(new Held(client, new WeakReference<>(triage)));
    }
  }

  /** {@return the runtimes still alive, the oldest first} */
  List<Runtime> alive() {
    List<Runtime> out = new ArrayList<>();
    synchronized (held) {
      for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
        Held h = it.next();
        Triage triage = h.triage().get();
        if (triage == null) {
          it.remove();
        } else {
          out.add(new Runtime(h.client(), triage));
        }
      }
    }
    return out;
  }
}
