package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Variables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A half-yearly round (P3 step 6): opened on 1 January / 1 July, its period is the half-year before
 * that day (P3-R08: 1 January 2027 opens 2026年下半年, {@code 2026-H2}; 1 July 2026 opens 2026年上半年,
 * {@code 2026-H1}), as the applications of that month, and its application window closes at the end
 * of the month, i.e. 00:00 Asia/Shanghai on the 1st of the next month. Plain logic.
 */
public class OpeningRound {

  private final ZoneId zone;

  /** Months begin in {@code zone} (Fenhe's time zone). */
  public OpeningRound(ZoneId zone) {
    this.zone = zone;
  }

  public Map<String, Object> open(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    Map<String, Object> output = new LinkedHashMap<>();
    String period = ApplicationWindow.precedingPeriod(today);
    output.put(PERIOD, period);
    output.put(PERIOD_LABEL, ApplicationWindow.label(period));
    output.put(ROUND_OPENED_AT, Date.from(now));
    output.put(
        WINDOW_CLOSES_AT,
        Date.from(today.withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant()));
    return output;
  }

  public Map<String, Object> close(Instant now) {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put(ROUND_CLOSED_AT, Date.from(now));
    return output;
  }
}
