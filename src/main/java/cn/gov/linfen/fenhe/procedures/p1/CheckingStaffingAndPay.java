package cn.gov.linfen.fenhe.procedures.p1;

import cn.gov.linfen.fenhe.common.Yuan;
import cn.gov.linfen.fenhe.procedures.p1.StaffingStandards.PayCap;
import cn.gov.linfen.fenhe.procedures.p1.StaffingStandards.Role;
import cn.gov.linfen.fenhe.procedures.p1.StaffingStandards.StaffingLimit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a liquidation team's staffing and monthly pay against the standards of Art. 9(2)1 and
 * writes findings for the reviewer. A breach is a finding; it does not reject anything by itself.
 * Over 2,000 employees there is no standard: the finding says so and a person decides. Plain logic.
 */
public class CheckingStaffingAndPay {

  private static final String ARTICLE = "（第九条(二)1）";
  private static final Map<Role, String> PAY_LABELS =
      new EnumMap<>(
          Map.of(
              Role.EXTERNAL_HEAD, "外聘工作机构负责人月劳务费",
              Role.GROUP_LEADER, "工作小组组长月劳务费",
              Role.OTHER_STAFF, "工作组其他人员月劳务费",
              Role.CARETAKER, "留守人员月劳务费")); // 第九条(二)1 "聘用人员劳务费…企业留守人员标准范围为每月1600-3500元"

  private final StaffingStandards standards;

  public CheckingStaffingAndPay(StaffingStandards standards) {
    this.standards = standards;
  }

  /**
   * The findings.
   *
   * @param band the band as people read it
   * @param standardApplies false when there is no standard (over 2,000 employees)
   * @param breaches how many standards are exceeded
   * @param lines the findings, in Chinese
   */
  public record Findings(String band, boolean standardApplies, int breaches, List<String> lines) {
    public String text() {
      return String.join("\n", lines);
    }
  }

  /**
   * @param hiredStaff hired staff declared, or null
   * @param caretakers caretakers declared, or null
   * @param monthlyPay declared monthly pay per role (absent roles are not checked)
   */
  public Findings check(
      int employeeCount, Integer hiredStaff, Integer caretakers, Map<Role, BigDecimal> monthlyPay) {
    List<String> lines = new ArrayList<>();
    int breaches = 0;
    StaffingLimit limit = standards.limitFor(employeeCount);
    if (limit.hasStandard()) {
      lines.add(
          "在册职工 "
              + employeeCount
              + " 人，适用“"
              + limit.band()
              + "”档：聘用人员不超过 "
              + limit.maxHiredStaff()
              + " 人，留守人员不超过 "
              + limit.maxCaretakerStaff()
              + " 人"
              + ARTICLE);
      breaches += count(lines, "聘用人员", hiredStaff, limit.maxHiredStaff());
      breaches += count(lines, "留守人员", caretakers, limit.maxCaretakerStaff());
    } else {
      lines.add("在册职工 " + employeeCount + " 人，超过 2000 人：办法未规定聘用和留守人员数量标准，请审核人员结合实际决定" + ARTICLE);
      lines.add("申报聘用人员 " + orUnknown(hiredStaff) + "，留守人员 " + orUnknown(caretakers));
    }
    for (Role role : Role.values()) {
      BigDecimal pay = monthlyPay.get(role);
      if (pay == null) {
        continue;
      }
      PayCap cap = standards.payCapFor(role);
      String label = PAY_LABELS.get(role);
      if (cap.maxMonthlyPay() != null && pay.compareTo(cap.maxMonthlyPay()) > 0) {
        lines.add(
            "超标准："
                + label
                + " "
                + Yuan.format(pay)
                + " 元，超过"
                + cap.roleName()
                + "标准 "
                + cap.maxMonthlyPay().toPlainString()
                + " 元/月"
                + ARTICLE);
        breaches++;
      } else if (cap.minMonthlyPay() != null && pay.compareTo(cap.minMonthlyPay()) < 0) {
        lines.add(
            "低于标准："
                + label
                + " "
                + Yuan.format(pay)
                + " 元，低于"
                + cap.roleName()
                + "标准下限 "
                + cap.minMonthlyPay().toPlainString()
                + " 元/月"
                + ARTICLE);
        breaches++;
      } else {
        lines.add(label + " " + Yuan.format(pay) + " 元，符合标准");
      }
    }
    if (breaches == 0) {
      lines.add(limit.hasStandard() ? "未发现不符合标准的情况" : "劳务费未发现不符合标准的情况；人数由审核人员决定");
    } else {
      lines.add("共 " + breaches + " 项不符合标准，请审核人员在审核意见中说明处理意见（不自动退回）");
    }
    return new Findings(limit.band(), limit.hasStandard(), breaches, lines);
  }

  private static int count(List<String> lines, String who, Integer declared, Integer maximum) {
    if (declared == null) {
      lines.add("未申报" + who + "数量");
      return 0;
    }
    if (declared > maximum) {
      lines.add("超标准：" + who + " " + declared + " 人，超过上限 " + maximum + " 人" + ARTICLE);
      return 1;
    }
    lines.add(who + " " + declared + " 人，符合标准");
    return 0;
  }

  private static String orUnknown(Integer count) {
    return count == null ? "未申报" : count + " 人";
  }
}
