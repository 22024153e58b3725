package cn.gov.linfen.fenhe.procedures.p1;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * Opens the annual performance evaluation (Art. 13): every March SASAC evaluates the previous
 * year's use of the fund after the supervising departments' self-evaluations. [decided] The
 * self-evaluations are due on 15 March, SASAC's report on 31 March, 18:00 Shanghai time. Plain
 * logic.
 */
public class OpeningEvaluationRound {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalTime OFFICE_CLOSES = LocalTime.of(18, 0);

  /** The year evaluated and the two due dates. */
  public record Round(int year, Date selfEvaluationDue, Date sasacEvaluationDue) {}

  /**
   * @param requestedYear the year SASAC asked for (manual start), or null: the previous year
   * @param today today in Shanghai
   */
  public Round open(Integer requestedYear, LocalDate today) {
    int year = requestedYear != null ? requestedYear : today.getYear() - 1;
    String problem = yearProblem(year, today);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new Round(year, at(LocalDate.of(year + 1, 3, 15)), at(LocalDate.of(year + 1, 3, 31)));
  }

  /** Why a year cannot be evaluated (only past years since the measure took effect in 2021), or null. */
  public static String yearProblem(int year, LocalDate today) {
    if (year < 2021 || year > today.getYear() - 1) {
      return "评价年度须为 2021 年至 " + (today.getYear() - 1) + " 年之间的已结束年度 / the evaluation year must be a past year from 2021";
    }
    return null;
  }

  private static Date at(LocalDate day) {
    return Date.from(ZonedDateTime.of(day, OFFICE_CLOSES, SHANGHAI).toInstant());
  }
}
