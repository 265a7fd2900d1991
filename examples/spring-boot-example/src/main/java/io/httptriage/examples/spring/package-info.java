/**
 * A Spring Boot application using httptriage through its starter, with no httptriage code: {@link
 * io.httptriage.examples.spring.QuoteApplication}. {@code QuoteApplicationTest} runs it against a
 * local server.
 */
package io.httptriage.examples.spring;
