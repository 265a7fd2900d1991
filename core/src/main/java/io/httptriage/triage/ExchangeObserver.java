package io.httptriage.triage;

import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Exchange;
import io.httptriage.finding.Finding;
import java.util.List;

/**
 * Receives the whole story of each exchange: every hop, the verdict on the final response, and the
 * findings. Optional: when none is configured, {@link Triage} does not build the story for a call
 * that went straight through, which keeps the success path cheap.
 *
 * <p>Called on the thread that completed the exchange; implementations must be thread-safe and must
 * not throw (a throwing observer is logged and ignored).
 *
 * <pre>{@code
 * TriageConfig config = TriageConfig.builder()
 *     .observer((exchange, verdict, findings) -> System.out.println(exchange + " -> " + verdict))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface ExchangeObserver {

  /**
   * One exchange is over.
   *
   * @param exchange the hops and the final response, as followed
   * @param verdict the classifier's verdict on the final response
   * @param findings what the audit and the lint found
   */
  void exchangeCompleted(Exchange exchange, Verdict verdict, List<Finding> findings);
}
