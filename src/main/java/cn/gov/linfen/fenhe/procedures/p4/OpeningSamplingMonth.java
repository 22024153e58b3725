package cn.gov.linfen.fenhe.procedures.p4;

import static cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Variables.*;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The month a round plans: the one given at a manual start ({@code 2026-11}), else the month of the
 * engine clock in Asia/Shanghai (the timer fires on the 1st at 09:00). The month ends at 00:00
 * Shanghai on the 1st of the next month, when the coverage is checked. Plain logic.
 */
public class OpeningSamplingMonth {

  private final ZoneId zone;

  /**
   * @param zone the platform's zone (fenhe.time-zone)
   */
  public OpeningSamplingMonth(ZoneId zone) {
    this.zone = zone;
  }

  public Map<String, Object> open(Object givenMonth, Instant now) {
    YearMonth month;
    if (givenMonth == null || givenMonth instanceof String s && s.isBlank()) {
      month = YearMonth.from(now.atZone(zone));
    } else {
      month =
          MonthLabels.parse(givenMonth)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "抽检月份须为 YYYY-MM / samplingMonth must be YYYY-MM: " + givenMonth));
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put(SAMPLING_MONTH, month.toString());
    output.put(SAMPLING_MONTH_LABEL, MonthLabels.label(month.toString()));
    output.put(
        MONTH_ENDS_AT, Date.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
    return output;
  }
}
