package cn.gov.linfen.fenhe.procedures.p1;

import cn.gov.linfen.fenhe.common.Yuan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Numbers and words the disbursement notice (拨款通知书, Appendix 3) the reform office issues to Jilin
 * Investment, naming the transfer date as the appendix does ("于 M月D日前", the 3rd working day after
 * issue, computed by the engine: P1-R19). The number ({@code 临企改拨〔2026〕7号}) is taken by the engine
 * from the year's sequence when it reaches the step ({@code soeReformFundNoticeNumber}, {@code
 * documents.DocumentNumbers}) and handed in with the request, so a retried worker never takes a
 * second one. Plain logic.
 */
public class IssuingDisbursementNotice {

  /**
   * What the reform office filled in (Appendix 3) and what the case knows.
   *
   * @param reviewerGroups the departments that reviewed the application (group ids)
   */
  public record Request(
      String number,
      String applicationNumber,
      String enterpriseName,
      BigDecimal requestedAmount,
      BigDecimal approvedAmount,
      String disbursementType,
      BigDecimal disbursementAmount,
      String accountName,
      String accountNumber,
      String bankName,
      String bankCode,
      String accountContact,
      String accountContactPhone,
      List<String> reviewerGroups,
      LocalDate transferDueDate) {}

  /** The issued notice: its number, date of issue and full text. */
  public record Notice(String number, LocalDate issuedOn, String text) {}

  public Notice issue(Request request, LocalDate issuedOn) {
    Objects.requireNonNull(request.number(), "number");
    Objects.requireNonNull(request.enterpriseName(), "enterpriseName");
    Objects.requireNonNull(request.disbursementAmount(), "disbursementAmount");
    Objects.requireNonNull(request.accountNumber(), "accountNumber");
    String number = request.number();
    String verb =
        SoeReformFundProcess.Decided.LEND.equals(request.disbursementType()) ? "借款" : "支付";
    String text =
        String.join(
            "\n",
            "临汾市国企改革专项资金拨款通知书",
            "编号：" + number,
            "临汾济林投资有限公司：",
            "　　经"
                + reviewers(request.reviewerGroups())
                + "审核，"
                + request.enterpriseName()
                + "申请的改革资金 "
                + amount(request.requestedAmount())
                + "，符合政策要求。同意"
                + verb
                + "资金 "
                + amount(request.disbursementAmount())
                + "（核定金额 "
                + amount(request.approvedAmount())
                + "），请你公司收到通知后，于"
                + dueDate(request.transferDueDate(), issuedOn)
                + "前，与企业主管部门完成资金划转。账户信息如下：",
            "户　名：" + request.accountName(),
            "账　号：" + request.accountNumber(),
            "开户行：" + request.bankName(),
            "行　号：" + request.bankCode(),
            "联系人：" + request.accountContact() + "　电话：" + request.accountContactPhone(),
            "特此通知",
            "市企改办",
            issuedOn.getYear()
                + "年"
                + issuedOn.getMonthValue()
                + "月"
                + issuedOn.getDayOfMonth()
                + "日");
    return new Notice(number, issuedOn, text);
  }

  /**
   * Appendix 3 names the day: "10月10日"; with its year when that is not the year of issue
   * ("2027年1月5日").
   */
  static String dueDate(LocalDate date, LocalDate issuedOn) {
    Objects.requireNonNull(date, "transferDueDate");
    return (date.getYear() == issuedOn.getYear() ? "" : date.getYear() + "年")
        + date.getMonthValue()
        + "月"
        + date.getDayOfMonth()
        + "日";
  }

  private static String amount(BigDecimal yuan) {
    return yuan == null ? "—" : Yuan.inWan(yuan) + "（" + Yuan.format(yuan) + " 元）";
  }

  static String reviewers(List<String> groups) {
    Set<String> names = new LinkedHashSet<>();
    if (groups != null) {
      for (String group : groups) {
        names.add(SoeReformFundProcess.Groups.CHINESE.getOrDefault(group, group));
      }
    }
    names.add(SoeReformFundProcess.Groups.CHINESE.get(SoeReformFundProcess.Groups.FINANCE_BUREAU));
    return names.stream().collect(Collectors.joining("、"));
  }
}
