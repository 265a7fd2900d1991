package io.httptriage.reference;

import io.httptriage.policy.Cacheability;
import io.httptriage.policy.MethodRule;
import io.httptriage.policy.RedirectRule;
import io.httptriage.policy.Retryability;
import io.httptriage.status.Obligation;
import io.httptriage.status.Standing;

/** The words of the reference in one language. */
enum ReferenceLabels {
  EN,
  ZH_TW;

  /** The heading of each code's policy section. */
  String usageHeading() {
    return this == EN ? "usage" : "處理方式";
  }

  String title() {
    return this == EN
        ? "HTTP status codes and how httptriage handles them"
        : "HTTP 狀態碼與 httptriage 的處理方式";
  }

  String intro() {
    return this == EN
        ? "Generated from the httptriage registry and default policy table; do not edit by hand."
            + " Each entry describes the code, then its **usage**: the policy httptriage applies and"
            + " the rule behind each decision."
        : "本文件由 httptriage 的狀態碼登錄表與預設處理政策產生，請勿手動修改。"
            + "每個條目先說明狀態碼的意義，再於 **處理方式** 一節列出 httptriage 採用的處理政策與各項決定所依據的規範。";
  }

  String unlistedHeading() {
    return this == EN ? "Codes not listed here" : "未列出的狀態碼";
  }

  String unlisted() {
    return this == EN
        ? "Any other code in 100..599 is unknown: it is handled as the x00 code of its class (RFC 9110"
            + " §15) but is never heuristically cacheable. Values outside 100..599 are invalid and are"
            + " handled as 500 (RFC 9110 §15)."
        : "100 到 599 之間的其他狀態碼視為未知，依 RFC 9110 §15 比照同類別的 x00 狀態碼處理，但一律不做啟發式快取。"
            + "100 到 599 以外的值無效，依 RFC 9110 §15 當作 500 處理。";
  }

  String standing(Standing s) {
    switch (s) {
      case STANDARD:
        return this == EN ? "standard" : "標準";
      case TEMPORARY:
        return this == EN ? "temporary registration" : "暫時註冊";
      case DEPRECATED:
        return this == EN ? "deprecated" : "已棄用";
      case UNUSED:
        return this == EN ? "unused (reserved)" : "未使用（保留）";
      case OBSOLETED:
        return this == EN ? "obsoleted" : "已廢止";
      case UNOFFICIAL:
        return this == EN ? "unofficial" : "非官方";
      case UNKNOWN:
        return this == EN ? "unknown" : "未知";
      case INVALID:
        return this == EN ? "invalid" : "無效";
      default:
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  String standingLabel() {
    return this == EN ? "Standing" : "狀態";
  }

  String classLabel() {
    return this == EN ? "Class" : "類別";
  }

  String specLabel() {
    return this == EN ? "Defined in" : "定義於";
  }

  String originLabel() {
    return this == EN ? "Used by" : "採用者";
  }

  String formerLabel() {
    return this == EN ? "Former names" : "舊名稱";
  }

  String headersLabel() {
    return this == EN ? "Response header fields" : "回應標頭欄位";
  }

  String noContent() {
    return this == EN ? "Carries no content." : "不得帶有內容。";
  }

  String noContentLength() {
    return this == EN
        ? "Must not carry Content-Length (RFC 9110 §8.6)."
        : "不得帶有 Content-Length（RFC 9110 §8.6）。";
  }

  String otherMeaningsLabel() {
    return this == EN ? "Other meanings of this number" : "這個數字的其他意義";
  }

  String obligation(Obligation o) {
    switch (o) {
      case MUST:
        return this == EN ? "must carry" : "必須帶有";
      case SHOULD:
        return this == EN ? "should carry" : "應該帶有";
      default:
        return this == EN ? "may carry" : "可以帶有";
    }
  }

  String when() {
    return this == EN ? "when" : "條件：";
  }

  String or() {
    return this == EN ? "or a Content-Type of" : "或 Content-Type 為";
  }

  String retryLine(Retryability r) {
    switch (r) {
      case IDEMPOTENT:
        return this == EN
            ? "Retry: yes, for idempotent requests (GET, HEAD, OPTIONS, TRACE, PUT, DELETE, or any"
                + " request with an Idempotency-Key), after Retry-After when the response gives one"
            : "重試：可以，限冪等請求（GET、HEAD、OPTIONS、TRACE、PUT、DELETE，或帶有 Idempotency-Key 的請求），"
                + "回應帶有 Retry-After 時依其指示等待";
      case IDEMPOTENT_WITH_RETRY_AFTER:
        return this == EN
            ? "Retry: only when the response carries Retry-After (the condition is temporary), and only"
                + " for idempotent requests"
            : "重試：僅在回應帶有 Retry-After（表示情況是暫時的）時，且限冪等請求";
      case ANY_REQUEST:
        return this == EN
            ? "Retry: yes, whatever the method: the server did not process the request"
            : "重試：可以，不論請求方法為何，因為伺服器並未處理該請求";
      default:
        return this == EN ? "Retry: no" : "重試：不重試";
    }
  }

  String redirectLine(RedirectRule r) {
    switch (r) {
      case FOLLOW:
        return this == EN ? "Redirect: followed automatically to Location" : "重新導向：自動跟隨 Location";
      case FOLLOW_IF_LOCATION:
        return this == EN
            ? "Redirect: followed only when the response carries a Location"
            : "重新導向：僅在回應帶有 Location 時才跟隨";
      case NEVER_FOLLOW:
        return this == EN ? "Redirect: never followed" : "重新導向：一律不跟隨";
      default:
        return this == EN ? "Redirect: not a redirect" : "重新導向：不是重新導向";
    }
  }

  String methodLine(MethodRule m) {
    switch (m) {
      case PRESERVE:
        return this == EN ? "Method: kept, with the body, when following" : "請求方法：跟隨時保留原方法與內容";
      case POST_BECOMES_GET:
        return this == EN
            ? "Method: POST becomes GET without body; every other method is kept"
            : "請求方法：POST 改為不帶內容的 GET，其他方法保持不變";
      case BECOMES_GET:
        return this == EN
            ? "Method: becomes GET without body (HEAD stays HEAD)"
            : "請求方法：改為不帶內容的 GET（HEAD 維持 HEAD）";
      default:
        return this == EN ? "Method: not applicable" : "請求方法：不適用";
    }
  }

  String cacheLine(Cacheability c) {
    switch (c) {
      case HEURISTIC:
        return this == EN
            ? "Cache: heuristically cacheable (reusable without explicit freshness)"
            : "快取：可啟發式快取（沒有明確有效期限也可重複使用）";
      case NEVER_STORE:
        return this == EN ? "Cache: never stored" : "快取：一律不得儲存";
      default:
        return this == EN
            ? "Cache: only with explicit freshness (max-age, Expires, ...)"
            : "快取：僅在有明確有效期限（max-age、Expires 等）時";
    }
  }

  /** What OkHttp's cache does with the code, and whether that differs from the policy's word. */
  String okHttpCacheLine(Cacheability okHttp, Cacheability policy) {
    String line;
    switch (okHttp) {
      case HEURISTIC:
        line =
            this == EN
                ? "OkHttp's cache: stores it, and reuses it without explicit freshness when Last-Modified"
                    + " allows"
                : "OkHttp 快取：會儲存，有 Last-Modified 時沒有明確有效期限也會重複使用";
        break;
      case EXPLICIT_ONLY:
        line =
            this == EN
                ? "OkHttp's cache: stores it only with Expires, max-age, public or private"
                : "OkHttp 快取：僅在有 Expires、max-age、「public」或「private」時儲存";
        break;
      default:
        line = this == EN ? "OkHttp's cache: never stores it" : "OkHttp 快取：一律不儲存";
        break;
    }
    if (okHttp == policy) {
      return line;
    }
    return line + (this == EN ? " (unlike the policy above)" : "（與上列政策不同）");
  }
}
