/**
 * The per-origin cool-down one client shares across all its calls: when a server says "come back
 * later" (a 429 or 503 with Retry-After, an exhausted RateLimit or X-RateLimit quota), every call
 * of the client to that origin holds back until then, instead of each sending its own request and
 * collecting its own 429. When the cool-down ends one call probes the origin, and the others follow
 * only once the probe got through. {@link io.httptriage.cooldown.OriginCoolDowns} holds the state
 * and answers each call with an {@link io.httptriage.cooldown.Admission}; {@link
 * io.httptriage.cooldown.CoolDownSettings} bounds it. Pure: no I/O, no clock of its own, no HTTP
 * client.
 */
@NullMarked
package io.httptriage.cooldown;

import org.jspecify.annotations.NullMarked;
