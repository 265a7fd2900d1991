package io.httptriage.triage;

import io.httptriage.classify.Classifier;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.redirect.RedirectFollower;
import io.httptriage.redirect.RedirectSettings;
import java.time.Clock;
import java.util.List;

/**
 * The policy a call runs by: its table, the classifier that reads it, and the redirect follower
 * that asks that classifier. A client has one ({@link Step}); a call whose {@link CallOptions}
 * carry rules gets one with those rules first, built once per options and client. The redirect
 * settings (downgrade refusal, credential stripping) are always the client's.
 *
 * <p>Immutable and thread-safe.
 */
final class CallTable {
  final PolicyTable table;
  final Classifier classifier;
  final RedirectFollower follower;
  private final RedirectSettings redirects;
  private final Clock clock;

  CallTable(PolicyTable table, RedirectSettings redirects, Clock clock) {
    this.table = table;
    this.classifier = Classifier.of(table, clock);
    this.follower = RedirectFollower.of(redirects, classifier);
    this.redirects = redirects;
    this.clock = clock;
  }

  /** This policy with {@code rules} tried before its own. */
  CallTable withRulesFirst(List<PolicyRule> rules) {
    return new CallTable(table.withRulesFirst(rules), redirects, clock);
  }

  /** The table some options built on top of a client's, kept by the options. */
  record Memo(CallTable client, CallTable table) {}
}
