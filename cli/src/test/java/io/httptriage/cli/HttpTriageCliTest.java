package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.status.StatusRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code explain}, {@code table}, help and every bad input, through the real entry point. */
class HttpTriageCliTest {

  @Test
  void explainJsonHasTheKeysTheIssueAsksFor() {
    CliRun run = CliRun.of("explain", "429", "--json");

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    Map<String, Object> o = JsonReader.object(run.out());
    assertThat(o)
        .containsKeys("code", "reason", "class", "standing", "spec", "policy", "description")
        .containsEntry("code", 429L)
        .containsEntry("reason", "Too Many Requests")
        .containsEntry("class", "4xx")
        .containsEntry("standing", "standard")
        .containsEntry("spec", "RFC 6585 §4");
    assertThat(map(o, "policy"))
        .containsEntry("retryable", true)
        .containsEntry("redirectSafe", false)
        .containsEntry("methodPreserving", false)
        .containsEntry("cacheable", false);
    assertThat(map(o, "description"))
        .containsEntry("en", StatusRegistry.lookup(429).descriptions().en())
        .containsEntry("zh-TW", StatusRegistry.lookup(429).descriptions().zhTw());
  }

  @Test
  void explainsACodeWithItsPolicyAndTheRulesBehindIt() {
    CliRun run = CliRun.of("explain", "307");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .startsWith("307 Temporary Redirect\nstandard · 3xx · RFC 9110 §15.4.8\n")
        .contains("retryable no · redirect-safe yes · method-preserving yes")
        .contains("Method: kept, with the body, when following — RFC 9110 §15.4.8")
        .contains("header: SHOULD Location — RFC 9110 §15.4.8");
  }

  @Test
  void explainsWhatOkHttpsCacheDoesNextToWhatTheRfcsAllow() {
    CliRun run = CliRun.of("explain", "206");

    assertThat(run.out())
        .contains(
            "Cache: heuristically cacheable",
            "OkHttp's cache: never stores it (unlike the policy above)");
    Map<String, Object> o = JsonReader.object(CliRun.of("explain", "206", "--json").out());
    assertThat(map(o, "policy")).containsEntry("cacheability", "HEURISTIC");
    assertThat(map(o, "okhttpCache"))
        .containsEntry("cacheability", "NEVER_STORE")
        .containsEntry("differsFromPolicy", true);
    assertThat(map(JsonReader.object(CliRun.of("explain", "200", "--json").out()), "okhttpCache"))
        .containsEntry("cacheability", "HEURISTIC")
        .containsEntry("differsFromPolicy", false);
  }

  @Test
  void explainsAnUnknownCodeAsTheRegistryTreatsIt() {
    CliRun run = CliRun.of("explain", "299");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .startsWith("299 Unknown 2xx\nunknown · 2xx · RFC 9110 §15 · handled as 200");
    assertThat(JsonReader.object(CliRun.of("explain", "299", "--json").out()))
        .containsEntry("known", false)
        .containsEntry("handledAs", 200L)
        .containsEntry("standing", "unknown");
  }

  @Test
  void explainsAnInvalidCodeAsA5xx() {
    CliRun run = CliRun.of("explain", "999");

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("999 Invalid Status\ninvalid · RFC 9110 §15 · handled as 500");
    assertThat(JsonReader.object(CliRun.of("explain", "999", "--json").out()))
        .containsEntry("class", "invalid")
        .containsEntry("handledAs", 500L);
  }

  @Test
  void explainsInTraditionalChinese() {
    CliRun run = CliRun.of("explain", "429", "--lang", "zh-TW");

    assertThat(run.status()).isZero();
    String description = StatusRegistry.lookup(429).descriptions().zhTw();
    assertThat(run.out())
        .contains("標準 · 4xx", "可重試 是", "重試：可以", "快取：一律不得儲存", description.substring(0, 20));
    assertThat(CliRun.of("explain", "429", "--lang=zh-tw").out()).isEqualTo(run.out());
  }

  @Test
  void tableHasOneLinePerKnownCode() {
    CliRun run = CliRun.of("table");

    assertThat(run.status()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(StatusRegistry.all().size() + 1);
    assertThat(lines.get(0)).startsWith("code reason");
    assertThat(lines)
        .anySatisfy(
            l -> assertThat(l).startsWith("429  Too Many Requests").contains("RFC 6585 §4"));
    assertThat(lines)
        .anySatisfy(
            l -> assertThat(l).startsWith("522  Connection Timed Out").contains("unofficial"));
  }

  @Test
  void tableJsonHasOneObjectPerKnownCode() {
    CliRun run = CliRun.of("table", "--json");

    assertThat(run.status()).isZero();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> all = (List<Map<String, Object>>) JsonReader.parse(run.out());
    assertThat(all).hasSize(StatusRegistry.all().size());
    assertThat(all).allSatisfy(o -> assertThat(o).containsKeys("code", "policy", "description"));
    assertThat(all.get(0).get("code")).isEqualTo((long) StatusRegistry.all().get(0).code());
  }

  @Test
  void tableInTraditionalChinese() {
    CliRun run = CliRun.of("table", "--lang", "zh-TW");

    assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("代碼 原因");
    assertThat(run.out()).contains("已棄用", "伺服器已收到請求標頭");
  }

  @Test
  void helpIsGeneratedFromTheCommands() {
    for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.status()).isZero();
      assertThat(run.out())
          .startsWith("Usage: httptriage [-hV] COMMAND")
          .contains(
              "explain", "table", "probe", "demo", "Exit status:", "3   probe's redirect chain");
    }
  }

  @Test
  void eachCommandHasItsOwnHelp() {
    CliRun probe = CliRun.of("probe", "--help");
    assertThat(probe.status()).isZero();
    assertThat(probe.out())
        .startsWith("Usage: httptriage probe")
        .contains("-X, --request=METHOD", "--client=okhttp|jdk")
        .doesNotContain("Usage: httptriage [-hV] COMMAND");
    assertThat(CliRun.of("help", "probe").out()).isEqualTo(probe.out());
    assertThat(CliRun.of("explain", "--help").out())
        .startsWith("Usage: httptriage explain")
        .contains("CODE");
  }

  @Test
  void versionNamesTheBuild() {
    for (String[] args : new String[][] {{"--version"}, {"-V"}, {"probe", "--version"}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.status()).isZero();
      assertThat(run.out()).startsWith("httptriage " + Version.of() + "\nJava ");
    }
    assertThat(Version.of()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void completionScriptCoversEveryCommand() {
    CliRun run = CliRun.of("generate-completion");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("complete -F", "explain", "probe", "--client");
    assertThat(CliRun.of("--help").out()).doesNotContain("generate-completion");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "'';                                   no command given",
        "frobnicate;                           Unmatched argument at index 0: 'frobnicate'",
        "explain;                              Missing required parameter: 'CODE'",
        "explain|abc;                          'abc' is not a status code",
        "explain|42x;                          '42x' is not a status code",
        "explain|99999999999;                  is not a status code",
        "explain|-5;                           '-5' is not a status code: expected a number from 100 to 999",
        "explain|99;                           '99' is not a status code",
        "explain|1000;                         '1000' is not a status code",
        "explain|429|--bogus;                  Unknown option: '--bogus'",
        "explain|429|--json=yes;               Invalid value for option '--json'",
        "explain|429|--lang;                   Missing required parameter for option '--lang'",
        "explain|429|--lang|fr;                --lang must be en or zh-TW",
        "explain|100|200;                      Unmatched argument at index 2: '200'",
        "table|extra;                          Unmatched argument at index 1: 'extra'",
        "demo|now;                             Unmatched argument at index 1: 'now'",
        "probe;                                Missing required parameter: 'URL'",
        "probe|not-a-url;                      malformed URL 'not-a-url'",
        "probe|ftp://example.com/;             malformed URL 'ftp://example.com/'",
        "probe|http://exa mple.com/;           malformed URL 'http://exa mple.com/'",
        "probe|http://127.0.0.1:9/|-H|NoColon; malformed header 'NoColon'",
        "probe|http://127.0.0.1:9/|-H|: v;     malformed header ': v'",
        "probe|http://127.0.0.1:9/|-X;         Missing required parameter for option '--request'",
        "probe|http://127.0.0.1:9/|-X|GE T;    'GE T' is not a request method",
        "probe|http://127.0.0.1:9/|-t;         Unknown option: '-t'",
        "probe|http://127.0.0.1:9/|--client|curl; --client must be okhttp or jdk",
      })
  void badInputIsOneLineOnStderrAndExitTwo(String joined, String expected) {
    String[] args = joined.isEmpty() ? new String[0] : joined.split("\\|", -1);
    CliRun run = CliRun.of(args);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertOneErrorLine(run, expected);
  }

  @Test
  void refusedPortIsAConnectionError() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CliRun run = CliRun.of("probe", "http://127.0.0.1:" + port + "/");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertOneErrorLine(run, "cannot reach http://127.0.0.1:" + port + "/");
  }

  static void assertOneErrorLine(CliRun run, String expected) {
    assertThat(run.err())
        .startsWith("httptriage: ")
        .contains(expected)
        .endsWith("\n")
        .doesNotContain("Exception", "\tat ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> o, String key) {
    return (Map<String, Object>) o.get(key);
  }
}
