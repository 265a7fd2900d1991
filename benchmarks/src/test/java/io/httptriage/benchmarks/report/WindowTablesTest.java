package io.httptriage.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTablesTest {
  private static final List<String> WINDOW =
      List.of(
          "client\tcontender\tcallers\twindow_millis\tin_window\tserver_requests\tstarted_in_window\t"
              + "ok_in_window\tstarted_after\tok_after\tpast_deadline\tlongest_millis\twall_millis",
          "OkHttp\tbare\t64\t3000\t53\t64\t53\t0\t11\t11\t0\t12\t4102",
          "JDK HttpClient\tresilience4j\t64\t3000\t99\t140\t49\t32\t15\t15\t33\t2043\t5980");
  private static final List<String> ORIGINS =
      List.of(
          "client\tcontender\tlimited_origin\thealthy_calls\thealthy_ok\tp50_micros\tp99_micros\t"
              + "max_micros\tlimited_calls\tlimited_ok",
          "OkHttp\thttptriage (cool-down off)\tno\t2880\t2880\t410\t6775\t9000\t960\t960",
          "OkHttp\thttptriage (cool-down off)\tyes\t2880\t2880\t450\t9321\t12000\t96\t40",
          "JDK HttpClient\tbare\tno\t2880\t2880\t500\t7000\t9000\t960\t960",
          "JDK HttpClient\tbare\tyes\t2700\t2700\t500\t7000\t9000\t960\t0");

  @Test
  void rendersOneWindowRowPerContenderWithItsRatePerSecondOfWindow() {
    String md = WindowTables.render(WindowTables.parseWindow(WINDOW), List.of());

    assertThat(md).contains("| OkHttp | bare | 53 | 17.7 | 0/53 | 11/11 | 0 | 0.01 s | 4.1 s |");
    assertThat(md)
        .contains(
            "| JDK HttpClient | resilience4j | 99 | 33.0 | 32/49 | 15/15 | 33 | 2.04 s | 6.0 s |");
    assertThat(md).doesNotContain("Four origins");
  }

  @Test
  void saysWhetherTheHealthyOriginsWereHeldBack() {
    String md =
        WindowTables.render(WindowTables.parseWindow(WINDOW), WindowTables.parseOrigins(ORIGINS));

    assertThat(md)
        .contains(
            "| OkHttp | httptriage (cool-down off) | one | 2880 | 2880 | 0.5 ms | 9.3 ms | 12.0 ms | 40/96 |");
    assertThat(md)
        .contains(
            "- OkHttp, httptriage (cool-down off): healthy origins not held back (2880 calls, 2880 ok, against 2880 and 2880");
    assertThat(md).contains("- JDK HttpClient, bare: healthy origins **held back** (2700 calls");
  }
}
