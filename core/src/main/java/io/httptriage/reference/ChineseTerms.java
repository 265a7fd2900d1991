package io.httptriage.reference;

import java.util.Map;

/**
 * The registry's facts that are written in English prose — where an unofficial code is documented,
 * who uses it, when a header field is expected, the basis of a policy decision — in Traditional
 * Chinese (Taiwan usage). Names stay as they are: products and vendors (nginx, Cloudflare, AWS
 * ELB), code (ngx_http_request.h, HttpStatus) and RFC references. A fact missing here is shown as
 * written; {@code ChineseTextTest} fails when one holds English words.
 */
final class ChineseTerms {
  private static final Map<String, String> ZH_TW =
      Map.ofEntries(
          // where a code is defined
          Map.entry("AWS ELB troubleshooting guide", "AWS ELB 疑難排解指南"),
          Map.entry("Cloudflare 5xx error documentation", "Cloudflare 5xx 錯誤說明文件"),
          Map.entry("Microsoft KB 941201", "Microsoft 知識庫文章 941201"),
          Map.entry(
              "Microsoft Learn: Anthropic 529 overloaded_error",
              "Microsoft Learn：Anthropic 529 overloaded_error"),
          Map.entry(
              "Node.js http.STATUS_CODES; Spring HttpStatus",
              "Node.js 的 http.STATUS_CODES；Spring 的 HttpStatus"),
          Map.entry("Shopify API response-code documentation", "Shopify API 回應碼說明文件"),
          // who uses an unofficial code
          Map.entry("shared-hosting bandwidth modules (cPanel)", "共享主機的頻寬管理模組（cPanel）"),
          Map.entry("Anthropic API; Qualys SSL Labs", "Anthropic API；Qualys SSL Labs"),
          // who gave a number another meaning
          Map.entry(
              "Google Gears resumable-upload proposal; Spring HttpStatus before 6.0.5",
              "Google Gears 的續傳上傳提案；Spring 6.0.5 之前的 HttpStatus"),
          Map.entry("HTTP/1.1 drafts (never standardised)", "HTTP/1.1 草案（從未標準化）"),
          Map.entry(
              "WebDAV draft; Spring HttpStatus (deprecated)", "WebDAV 草案；Spring 的 HttpStatus（已棄用）"),
          Map.entry(
              "WebDAV draft; Spring HttpStatus, Apache HttpCore",
              "WebDAV 草案；Spring 的 HttpStatus、Apache HttpCore"),
          Map.entry(
              "WebDAV ordered-collections draft; older Node and Netty tables",
              "WebDAV 排序集合草案；較舊的 Node.js 與 Netty 狀態碼表"),
          Map.entry("older status-code tables", "較舊的狀態碼表"),
          // when a header field is expected
          Map.entry("when the server has a preferred choice", "伺服器有偏好的選項時"),
          Map.entry("when a 200 to the same request would carry it", "同一請求的 200 回應會帶有此欄位時"),
          Map.entry("when the condition is temporary", "情況屬暫時性時"),
          Map.entry("when the media type is the problem", "問題出在媒體類型時"),
          Map.entry("when the content coding is the problem", "問題出在內容編碼時"),
          Map.entry("rel=\"blocked-by\" naming the blocking entity", "以 rel=\"blocked-by\" 指出封鎖者"),
          // the basis of a policy decision
          Map.entry("RFC 9110 Appendix B.3", "RFC 9110 附錄 B.3"),
          Map.entry("RFC 9110 §15.4 (no method change defined)", "RFC 9110 §15.4（未規定改變方法）"),
          Map.entry(
              "vendor: as 502/504 (RFC 9110 §15.6.3, §15.6.5)",
              "廠商自訂：比照 502/504（RFC 9110 §15.6.3、§15.6.5）"),
          Map.entry("vendor: as 503 (RFC 9110 §15.6.4)", "廠商自訂：比照 503（RFC 9110 §15.6.4）"));

  private ChineseTerms() {}

  /** The fact in Traditional Chinese, or as written when it is a name or a reference. */
  static String zhTw(String english) {
    return ZH_TW.getOrDefault(english, english);
  }
}
