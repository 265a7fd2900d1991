/**
 * The engine, exported only to the two adapters: the {@link io.httptriage.engine.Triage} runtime of
 * one client, which takes each call through one step per response (classify once, pass the gates,
 * answer, retry or follow), and the {@link io.httptriage.engine.ClientCall} an adapter implements
 * to translate its client's types. Not API: it may change in any release.
 */
@NullMarked
package io.httptriage.engine;

import org.jspecify.annotations.NullMarked;
