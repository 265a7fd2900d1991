package io.httptriage.cli;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.StatusPolicy;
import io.httptriage.policy.PolicyTable;
import io.httptriage.reference.OkHttpCaching;
import io.httptriage.reference.StatusReference;
import io.httptriage.status.HeaderRule;
import io.httptriage.status.OtherMeaning;
import io.httptriage.status.StatusCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One registry entry and its default policy as a JSON object, the same for {@code explain --json}
 * and each element of {@code table --json}. Keys: {@code code, reason, class, standing, spec,
 * known, handledAs, origin, formerReasons, headers, policy {retryable, redirectSafe,
 * methodPreserving, cacheable, retryability, redirect, method, cacheability, basis}, usage,
 * description {en, zh-TW}, otherMeanings}.
 */
final class StatusJson {
  private static final PolicyTable TABLE = PolicyTable.ofDefaults();
  private static final StatusReference REFERENCE = StatusReference.of(TABLE);

  private StatusJson() {}

  static Map<String, Object> of(StatusCode sc, Lang lang) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("code", sc.code());
    o.put("reason", sc.reason());
    o.put("class", sc.statusClass().label());
    o.put("standing", standing(sc));
    o.put("spec", sc.spec());
    o.put("known", sc.isKnown());
    o.put("handledAs", sc.equivalentCode());
    o.put("origin", sc.origin().orElse(null));
    o.put("formerReasons", sc.formerReasons());
    List<Object> headers = new ArrayList<>();
    for (HeaderRule r : sc.headerRules()) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("field", r.field());
      h.put("obligation", r.obligation().name());
      h.put("condition", r.isUnconditional() ? null : r.condition());
      h.put("unlessContentType", r.unlessContentType().orElse(null));
      h.put("spec", r.spec());
      headers.add(h);
    }
    o.put("headers", headers);
    o.put("policy", policy(PolicyLookup.policyFor(TABLE, sc.code())));
    o.put("okhttpCache", okHttpCache(sc.code(), PolicyLookup.policyFor(TABLE, sc.code())));
    o.put("usage", REFERENCE.usage(sc.code(), lang.locale()));
    o.put("description", texts(sc.description(Locale.ENGLISH), sc.descriptions().zhTw()));
    List<Object> others = new ArrayList<>();
    for (OtherMeaning m : sc.otherMeanings()) {
      Map<String, Object> om = new LinkedHashMap<>();
      om.put("reason", m.reason());
      om.put("origin", m.origin());
      om.put("kind", m.kind().name());
      om.put("description", texts(m.description(Locale.ENGLISH), m.description(Locale.TAIWAN)));
      others.add(om);
    }
    o.put("otherMeanings", others);
    return o;
  }

  /** The standing as a lowercase word: {@code standard}, {@code deprecated}, {@code unknown}... */
  static String standing(StatusCode sc) {
    return sc.standing().name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> policy(StatusPolicy p) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("retryable", p.isRetryable());
    o.put("redirectSafe", p.isRedirectSafe());
    o.put("methodPreserving", p.isMethodPreserving());
    o.put("cacheable", p.isHeuristicallyCacheable());
    o.put("retryability", p.retryability().name());
    o.put("redirect", p.redirect().name());
    o.put("method", p.method().name());
    o.put("cacheability", p.cacheability().name());
    Map<String, Object> basis = new LinkedHashMap<>();
    basis.put("retry", p.basis().retry());
    basis.put("redirect", p.basis().redirect());
    basis.put("method", p.basis().method());
    basis.put("cache", p.basis().cache());
    o.put("basis", basis);
    return o;
  }

  /** What OkHttp's own cache does with the code, next to the policy's word (RFC 9110/9111). */
  private static Map<String, Object> okHttpCache(int code, StatusPolicy p) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("cacheability", OkHttpCaching.of(code).name());
    o.put("differsFromPolicy", OkHttpCaching.of(code) != p.cacheability());
    o.put("basis", OkHttpCaching.BASIS);
    return o;
  }

  private static Map<String, Object> texts(String en, String zhTw) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put(Lang.EN.tag(), en);
    o.put(Lang.ZH_TW.tag(), zhTw);
    return o;
  }
}
