package io.httptriage.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mutable description of one entry while {@link StatusCatalog} is assembled: its reason, spec,
 * header rules, former names and other meanings, built into a {@link StatusCode} with its texts.
 */
final class CatalogEntry {
  private final int code;
  private final String reason;
  private Standing standing;
  private final String spec;
  private final Optional<String> origin;
  private final List<HeaderRule> rules = new ArrayList<>();
  private final List<String> former = new ArrayList<>();
  private final List<String[]> others = new ArrayList<>();
  private final List<OtherMeaning.Kind> otherKinds = new ArrayList<>();
  private boolean noContent;
  private boolean noContentLength;

  CatalogEntry(int code, String reason, Standing standing, String spec, Optional<String> origin) {
    this.code = code;
    this.reason = reason;
    this.standing = standing;
    this.spec = spec;
    this.origin = origin;
    if (StatusClass.of(code) == StatusClass.INFORMATIONAL) {
      // RFC 9110 §15.2 and §8.6: no content, no Content-Length on any 1xx.
      noContent = true;
      noContentLength = true;
    }
  }

  CatalogEntry standing(Standing s) {
    this.standing = s;
    return this;
  }

  CatalogEntry must(String field, String source) {
    return rule(new HeaderRule(field, Obligation.MUST, "", Optional.empty(), source));
  }

  CatalogEntry should(String field, String source) {
    return rule(new HeaderRule(field, Obligation.SHOULD, "", Optional.empty(), source));
  }

  CatalogEntry may(String field, String source) {
    return rule(new HeaderRule(field, Obligation.MAY, "", Optional.empty(), source));
  }

  CatalogEntry conditional(String field, Obligation o, String when, String source) {
    return rule(new HeaderRule(field, o, when, Optional.empty(), source));
  }

  CatalogEntry rule(HeaderRule r) {
    rules.add(r);
    return this;
  }

  CatalogEntry noContent() {
    noContent = true;
    return this;
  }

  CatalogEntry noContentLength() {
    noContentLength = true;
    return this;
  }

  CatalogEntry formerly(String... names) {
    former.addAll(List.of(names));
    return this;
  }

  CatalogEntry other(String id, String otherReason, String otherOrigin, OtherMeaning.Kind kind) {
    others.add(new String[] {id, otherReason, otherOrigin});
    otherKinds.add(kind);
    return this;
  }

  StatusCode build(DescriptionSource texts) {
    String key = Integer.toString(code);
    List<OtherMeaning> meanings = new ArrayList<>();
    for (int i = 0; i < others.size(); i++) {
      String[] o = others.get(i);
      meanings.add(
          new OtherMeaning(
              o[0], o[1], o[2], otherKinds.get(i), texts.get(key + "." + o[0], o[1], o[1])));
    }
    return new StatusCode(
        code,
        reason,
        standing,
        spec,
        origin,
        rules,
        noContent,
        noContentLength,
        texts.get(key, reason, reason),
        former,
        meanings,
        code);
  }
}
