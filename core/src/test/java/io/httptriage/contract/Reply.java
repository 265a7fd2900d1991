package io.httptriage.contract;

import java.util.ArrayList;
import java.util.List;

/** One scripted response: status, headers and body. */
public final class Reply {
  private final int status;
  private final List<String[]> headers;
  private final String body;

  private Reply(int status, List<String[]> headers, String body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** A reply with a status and an empty body. */
  public static Reply status(int status) {
    return new Reply(status, List.of(), "");
  }

  /** The same reply with one more header field. */
  public Reply header(String name, String value) {
    List<String[]> more = new ArrayList<>(headers);
    more.add(new String[] {name, value});
    return new Reply(status, List.copyOf(more), body);
  }

  /** The same reply with a body. */
  public Reply body(String text) {
    return new Reply(status, headers, text);
  }

  public int status() {
    return status;
  }

  /** Name/value pairs in order. */
  public List<String[]> headers() {
    return headers;
  }

  public String body() {
    return body;
  }
}
