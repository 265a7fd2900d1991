/**
 * The java.net.http adapter: {@link io.httptriage.jdk.TriageHttpClient} is an {@code HttpClient}
 * that sends through the user's own client and triages every exchange. It translates the JDK
 * client's requests and responses into core's views and runs core's {@link
 * io.httptriage.engine.Triage}; it decides nothing itself.
 */
@NullMarked
package io.httptriage.jdk;

import org.jspecify.annotations.NullMarked;
