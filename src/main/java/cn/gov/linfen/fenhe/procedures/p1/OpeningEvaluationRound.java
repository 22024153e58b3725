package cn.gov.linfen.fenhe.procedures.p1;

import cn.gov.linfen.fenhe.common.Reason;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * Opens the annual performance evaluation (Art. 13): every March SASAC evaluates the previous
 * year's use of the fund after the supervising departments' self-evaluations. [decided] The
 * self-evaluations are due on 15 March, SASAC's report on 31 March, 18:00 in Fenhe's time zone.
 * Plain logic.
 */
public class OpeningEvaluationRound {

  private static final LocalTime OFFICE_CLOSES = LocalTime.of(18, 0);

  private final ZoneId zone;

  /** Due dates fall at the end of office hours in {@code zone} (Fenhe's time zone). */
  public OpeningEvaluationRound(ZoneId zone) {
    this.zone = zone;
  }

  /** The year evaluated and the two due dates. */
  public record Round(int year, Date selfEvaluationDue, Date sasacEvaluationDue) {}

  /**
   * @param requestedYear the year SASAC asked for (manual start), or null: the previous year
   * @param today today in Fenhe's time zone
   */
  public Round open(Integer requestedYear, LocalDate today) {
    int year = requestedYear != null ? requestedYear : today.getYear() - 1;
    Reason problem = yearProblem(year, today);
    if (problem != null) {
      throw new IllegalArgumentException(problem.toString());
    }
    return new Round(year, at(LocalDate.of(year + 1, 3, 15)), at(LocalDate.of(year + 1, 3, 31)));
  }

  /**
   * Why a year cannot be evaluated (only past years since the measure took effect in 2021), or
   * null.
   */
  public static Reason yearProblem(int year, LocalDate today) {
    if (year < 2021 || year > today.getYear() - 1) {
      return P1Refusal.EVALUATION_YEAR_NOT_PAST.reason(today.getYear() - 1);
    }
    return null;
  }

  private Date at(LocalDate day) {
    return Date.from(ZonedDateTime.of(day, OFFICE_CLOSES, zone).toInstant());
  }
}
