package io.httptriage.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The facts behind the registry. Registered codes follow the IANA HTTP Status Code Registry with
 * RFC 9110's current names; unofficial codes are those whose use is shown by vendor source code or
 * vendor documentation.
 */
final class StatusCatalog {
  private static final String RFC9110 = "RFC 9110 §";

  private StatusCatalog() {}

  static List<StatusCode> build(DescriptionSource texts) {
    List<CatalogEntry> e = new ArrayList<>();
    // 1xx — RFC 9110 §15.2: an interim response never carries content.
    e.add(std(100, "Continue", RFC9110 + "15.2.1"));
    e.add(std(101, "Switching Protocols", RFC9110 + "15.2.2").must("Upgrade", RFC9110 + "15.2.2"));
    e.add(std(102, "Processing", "RFC 2518 §10.1").standing(Standing.DEPRECATED));
    e.add(
        std(103, "Early Hints", "RFC 8297 §2")
            .may("Link", "RFC 8297 §2")
            .other(
                "checkpoint",
                "Checkpoint",
                "Google Gears resumable-upload proposal; Spring HttpStatus before 6.0.5",
                OtherMeaning.Kind.HISTORICAL));
    e.add(
        std(104, "Upload Resumption Supported", "draft-ietf-httpbis-resumable-upload-05")
            .standing(Standing.TEMPORARY)
            .may("Location", "draft-ietf-httpbis-resumable-upload"));
    // 2xx
    e.add(std(200, "OK", RFC9110 + "15.3.1"));
    e.add(std(201, "Created", RFC9110 + "15.3.2").may("Location", RFC9110 + "15.3.2"));
    e.add(std(202, "Accepted", RFC9110 + "15.3.3"));
    e.add(std(203, "Non-Authoritative Information", RFC9110 + "15.3.4"));
    e.add(std(204, "No Content", RFC9110 + "15.3.5").noContent().noContentLength());
    e.add(std(205, "Reset Content", RFC9110 + "15.3.6").noContent());
    e.add(
        std(206, "Partial Content", RFC9110 + "15.3.7")
            .rule(
                new HeaderRule(
                    "Content-Range",
                    Obligation.MUST,
                    "",
                    Optional.of("multipart/byteranges"),
                    RFC9110 + "15.3.7.1")));
    e.add(std(207, "Multi-Status", "RFC 4918 §11.1"));
    e.add(std(208, "Already Reported", "RFC 5842 §7.1"));
    e.add(std(226, "IM Used", "RFC 3229 §10.4.1"));
    // 3xx
    e.add(
        std(300, "Multiple Choices", RFC9110 + "15.4.1")
            .conditional(
                "Location",
                Obligation.SHOULD,
                "when the server has a preferred choice",
                RFC9110 + "15.4.1"));
    e.add(std(301, "Moved Permanently", RFC9110 + "15.4.2").should("Location", RFC9110 + "15.4.2"));
    e.add(std(302, "Found", RFC9110 + "15.4.3").should("Location", RFC9110 + "15.4.3"));
    e.add(std(303, "See Other", RFC9110 + "15.4.4").should("Location", RFC9110 + "15.4.4"));
    e.add(
        std(304, "Not Modified", RFC9110 + "15.4.5")
            .noContent()
            .conditional(
                "ETag",
                Obligation.MUST,
                "when a 200 to the same request would carry it",
                RFC9110 + "15.4.5")
            .conditional(
                "Date",
                Obligation.MUST,
                "when a 200 to the same request would carry it",
                RFC9110 + "15.4.5"));
    e.add(std(305, "Use Proxy", RFC9110 + "15.4.6").standing(Standing.DEPRECATED));
    e.add(
        std(306, "(Unused)", RFC9110 + "15.4.7")
            .standing(Standing.UNUSED)
            .formerly("Switch Proxy")
            .other(
                "switch-proxy",
                "Switch Proxy",
                "HTTP/1.1 drafts (never standardised)",
                OtherMeaning.Kind.HISTORICAL));
    e.add(
        std(307, "Temporary Redirect", RFC9110 + "15.4.8").should("Location", RFC9110 + "15.4.8"));
    e.add(
        std(308, "Permanent Redirect", RFC9110 + "15.4.9").should("Location", RFC9110 + "15.4.9"));
    // 4xx
    e.add(std(400, "Bad Request", RFC9110 + "15.5.1"));
    e.add(
        std(401, "Unauthorized", RFC9110 + "15.5.2").must("WWW-Authenticate", RFC9110 + "15.5.2"));
    e.add(std(402, "Payment Required", RFC9110 + "15.5.3"));
    e.add(std(403, "Forbidden", RFC9110 + "15.5.4"));
    e.add(std(404, "Not Found", RFC9110 + "15.5.5"));
    e.add(std(405, "Method Not Allowed", RFC9110 + "15.5.6").must("Allow", RFC9110 + "15.5.6"));
    e.add(std(406, "Not Acceptable", RFC9110 + "15.5.7"));
    e.add(
        std(407, "Proxy Authentication Required", RFC9110 + "15.5.8")
            .must("Proxy-Authenticate", RFC9110 + "15.5.8"));
    e.add(std(408, "Request Timeout", RFC9110 + "15.5.9").formerly("Request Time-out"));
    e.add(std(409, "Conflict", RFC9110 + "15.5.10"));
    e.add(std(410, "Gone", RFC9110 + "15.5.11"));
    e.add(std(411, "Length Required", RFC9110 + "15.5.12"));
    e.add(std(412, "Precondition Failed", RFC9110 + "15.5.13"));
    e.add(
        std(413, "Content Too Large", RFC9110 + "15.5.14")
            .formerly("Payload Too Large", "Request Entity Too Large")
            .conditional(
                "Retry-After",
                Obligation.SHOULD,
                "when the condition is temporary",
                RFC9110 + "15.5.14"));
    e.add(
        std(414, "URI Too Long", RFC9110 + "15.5.15")
            .formerly("Request-URI Too Long", "Request-URI Too Large"));
    e.add(
        std(415, "Unsupported Media Type", RFC9110 + "15.5.16")
            .conditional(
                "Accept", Obligation.MAY, "when the media type is the problem", RFC9110 + "15.5.16")
            .conditional(
                "Accept-Encoding",
                Obligation.MAY,
                "when the content coding is the problem",
                RFC9110 + "15.5.16"));
    e.add(
        std(416, "Range Not Satisfiable", RFC9110 + "15.5.17")
            .formerly("Requested Range Not Satisfiable")
            .should("Content-Range", RFC9110 + "15.5.17"));
    e.add(std(417, "Expectation Failed", RFC9110 + "15.5.18"));
    e.add(
        std(418, "(Unused)", RFC9110 + "15.5.19")
            .standing(Standing.UNUSED)
            .formerly("I'm a teapot"));
    e.add(
        std(421, "Misdirected Request", RFC9110 + "15.5.20")
            .other(
                "connection-limit",
                "Too Many Connections",
                "older status-code tables",
                OtherMeaning.Kind.HISTORICAL)
            .other(
                "destination-locked",
                "Destination Locked",
                "WebDAV draft; Spring HttpStatus (deprecated)",
                OtherMeaning.Kind.HISTORICAL));
    e.add(
        std(422, "Unprocessable Content", RFC9110 + "15.5.21")
            .formerly("Unprocessable Entity")
            .other(
                "webdav",
                "Unprocessable Entity",
                "RFC 4918 §11.2 (WebDAV)",
                OtherMeaning.Kind.HISTORICAL));
    e.add(std(423, "Locked", "RFC 4918 §11.3"));
    e.add(std(424, "Failed Dependency", "RFC 4918 §11.4"));
    e.add(
        std(425, "Too Early", "RFC 8470 §5.2")
            .other(
                "unordered-collection",
                "Unordered Collection",
                "WebDAV ordered-collections draft; older Node and Netty tables",
                OtherMeaning.Kind.HISTORICAL));
    e.add(
        std(426, "Upgrade Required", RFC9110 + "15.5.22")
            .must("Upgrade", RFC9110 + "15.5.22")
            .other(
                "tls-upgrade",
                "Upgrade Required (to TLS)",
                "RFC 2817 §6",
                OtherMeaning.Kind.HISTORICAL));
    e.add(std(428, "Precondition Required", "RFC 6585 §3"));
    e.add(std(429, "Too Many Requests", "RFC 6585 §4").may("Retry-After", "RFC 6585 §4"));
    e.add(std(431, "Request Header Fields Too Large", "RFC 6585 §5"));
    e.add(
        std(451, "Unavailable For Legal Reasons", "RFC 7725 §3")
            .conditional(
                "Link",
                Obligation.SHOULD,
                "rel=\"blocked-by\" naming the blocking entity",
                "RFC 7725 §4")
            .other(
                "exchange-redirect",
                "Redirect",
                "Microsoft Exchange ActiveSync [MS-ASHTTP]",
                OtherMeaning.Kind.COLLISION));
    // 5xx
    e.add(std(500, "Internal Server Error", RFC9110 + "15.6.1"));
    e.add(std(501, "Not Implemented", RFC9110 + "15.6.2"));
    e.add(std(502, "Bad Gateway", RFC9110 + "15.6.3"));
    e.add(
        std(503, "Service Unavailable", RFC9110 + "15.6.4").may("Retry-After", RFC9110 + "15.6.4"));
    e.add(std(504, "Gateway Timeout", RFC9110 + "15.6.5").formerly("Gateway Time-out"));
    e.add(std(505, "HTTP Version Not Supported", RFC9110 + "15.6.6"));
    e.add(std(506, "Variant Also Negotiates", "RFC 2295 §8.1"));
    e.add(std(507, "Insufficient Storage", "RFC 4918 §11.5"));
    e.add(std(508, "Loop Detected", "RFC 5842 §7.2"));
    e.add(std(510, "Not Extended", "RFC 2774 §7").standing(Standing.OBSOLETED));
    e.add(std(511, "Network Authentication Required", "RFC 6585 §6"));

    // Unofficial codes with vendor source or vendor documentation behind them.
    e.add(
        vendor(
                419,
                "Page Expired",
                "Laravel",
                "laravel/framework Foundation/Exceptions/Handler.php")
            .other(
                "insufficient-space",
                "Insufficient Space On Resource",
                "WebDAV draft; Spring HttpStatus, Apache HttpCore",
                OtherMeaning.Kind.HISTORICAL));
    e.add(
        vendor(
            430,
            "Shopify Security Rejection",
            "Shopify",
            "Shopify API response-code documentation"));
    e.add(vendor(440, "Login Time-out", "Microsoft IIS / Exchange OWA", "Microsoft KB 941201"));
    e.add(
        vendor(444, "No Response", "nginx", "nginx src/http/ngx_http_request.h (NGX_HTTP_CLOSE)"));
    e.add(
        vendor(449, "Retry With", "Microsoft", "[MS-WDV] §2.2.6")
            .must("Ms-Echo-Request", "[MS-WDV] §2.2.6"));
    e.add(
        vendor(
            460,
            "Client Closed Connection",
            "AWS Application Load Balancer",
            "AWS ELB troubleshooting guide"));
    e.add(
        vendor(
            463,
            "X-Forwarded-For Too Long",
            "AWS Application Load Balancer",
            "AWS ELB troubleshooting guide"));
    e.add(
        vendor(
            464,
            "Incompatible Protocol",
            "AWS Application Load Balancer",
            "AWS ELB troubleshooting guide"));
    e.add(vendor(494, "Request Header Too Large", "nginx", "nginx src/http/ngx_http_request.h"));
    e.add(vendor(495, "SSL Certificate Error", "nginx", "nginx src/http/ngx_http_request.h"));
    e.add(vendor(496, "SSL Certificate Required", "nginx", "nginx src/http/ngx_http_request.h"));
    e.add(
        vendor(
            497, "HTTP Request Sent to HTTPS Port", "nginx", "nginx src/http/ngx_http_request.h"));
    e.add(
        vendor(
            498, "Request Canceled (Invalid Host)", "nginx", "nginx src/http/ngx_http_request.h"));
    e.add(
        vendor(499, "Client Closed Request", "nginx", "nginx src/http/ngx_http_request.h")
            .other(
                "esri-token-required",
                "Token Required",
                "Esri ArcGIS Server",
                OtherMeaning.Kind.COLLISION));
    e.add(
        vendor(
            509,
            "Bandwidth Limit Exceeded",
            "shared-hosting bandwidth modules (cPanel)",
            "Node.js http.STATUS_CODES; Spring HttpStatus"));
    e.add(
        vendor(
            520,
            "Web Server Returns an Unknown Error",
            "Cloudflare",
            "Cloudflare 5xx error documentation"));
    e.add(vendor(521, "Web Server Is Down", "Cloudflare", "Cloudflare 5xx error documentation"));
    e.add(vendor(522, "Connection Timed Out", "Cloudflare", "Cloudflare 5xx error documentation"));
    e.add(vendor(523, "Origin Is Unreachable", "Cloudflare", "Cloudflare 5xx error documentation"));
    e.add(vendor(524, "A Timeout Occurred", "Cloudflare", "Cloudflare 5xx error documentation"));
    e.add(vendor(525, "SSL Handshake Failed", "Cloudflare", "Cloudflare 5xx error documentation"));
    e.add(
        vendor(526, "Invalid SSL Certificate", "Cloudflare", "Cloudflare 5xx error documentation"));
    e.add(
        vendor(
            529,
            "Site Is Overloaded",
            "Anthropic API; Qualys SSL Labs",
            "Microsoft Learn: Anthropic 529 overloaded_error"));
    e.add(
        vendor(
            530,
            "Origin Error (with a 1xxx error)",
            "Cloudflare",
            "Cloudflare 5xx error documentation"));
    e.add(
        vendor(
            561,
            "Unauthorized (identity provider error)",
            "AWS Application Load Balancer",
            "AWS ELB troubleshooting guide"));

    List<StatusCode> out = new ArrayList<>(e.size());
    for (CatalogEntry entry : e) {
      out.add(entry.build(texts));
    }
    out.sort((a, b) -> Integer.compare(a.code(), b.code()));
    return out;
  }

  /** The entry for a code that is not in the catalog. */
  static StatusCode fallback(int code, DescriptionSource texts) {
    StatusClass cls = StatusClass.of(code);
    if (cls == StatusClass.INVALID) {
      return new StatusCode(
          code,
          "Invalid Status",
          Standing.INVALID,
          RFC9110 + "15",
          Optional.empty(),
          List.of(),
          false,
          false,
          texts.get(
              "invalid",
              "Not a valid HTTP status code: values outside 100..599 are invalid, and a client handles"
                  + " such a response as a 5xx server error.",
              "不是有效的 HTTP 狀態碼：100 到 599 以外的值都無效，用戶端應把這種回應當作 5xx 伺服器錯誤處理。"),
          List.of(),
          List.of(),
          500);
    }
    int x00 = cls.digit() * 100;
    String label = cls.label();
    boolean informational = cls == StatusClass.INFORMATIONAL;
    return new StatusCode(
        code,
        "Unknown " + label,
        Standing.UNKNOWN,
        RFC9110 + "15",
        Optional.empty(),
        List.of(),
        informational,
        informational,
        texts.get(
            "unknown." + label,
            "Not a registered or known status code. A client treats it like "
                + x00
                + ", the first code"
                + " of its class.",
            "這不是已註冊或已知的狀態碼。用戶端應把它當作同一類別的第一個狀態碼 " + x00 + " 處理。"),
        List.of(),
        List.of(),
        x00);
  }

  private static CatalogEntry std(int code, String reason, String spec) {
    return new CatalogEntry(code, reason, Standing.STANDARD, spec, Optional.empty());
  }

  private static CatalogEntry vendor(int code, String reason, String origin, String source) {
    return new CatalogEntry(code, reason, Standing.UNOFFICIAL, source, Optional.of(origin));
  }
}
