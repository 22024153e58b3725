package cn.gov.linfen.fenhe.procedures.p1;

import java.math.BigDecimal;

/**
 * The staffing and pay standards of Art. 9(2)1 for a liquidation team, as the decision tables state
 * them (soe-reform-fund-staffing-limits, soe-reform-fund-pay-caps).
 */
public interface StaffingStandards {

  /** Roles of the pay caps table. */
  enum Role {
    EXTERNAL_HEAD,
    GROUP_LEADER,
    OTHER_STAFF,
    CARETAKER
  }

  /**
   * The band an enterprise of this many registered employees falls in.
   *
   * @param band the band as people read it ("1000–2000 人")
   * @param maxHiredStaff at most this many hired staff; null when there is no standard
   * @param maxCaretakerStaff at most this many caretakers; null when there is no standard
   * @param hasStandard false over 2,000 employees: no standard, a person decides
   */
  record StaffingLimit(
      String band, Integer maxHiredStaff, Integer maxCaretakerStaff, boolean hasStandard) {}

  /**
   * A monthly pay cap in yuan.
   *
   * @param minMonthlyPay the lower bound (caretakers only), else null
   */
  record PayCap(String roleName, BigDecimal minMonthlyPay, BigDecimal maxMonthlyPay) {}

  StaffingLimit limitFor(int employeeCount);

  PayCap payCapFor(Role role);
}
