package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.common.ChineseFormat;
import cn.gov.linfen.fenhe.common.Yuan;
import cn.gov.linfen.fenhe.documents.CaseData;
import cn.gov.linfen.fenhe.documents.CaseDocuments;
import cn.gov.linfen.fenhe.documents.DocumentKind;
import cn.gov.linfen.fenhe.documents.DocumentNumbers;
import cn.gov.linfen.fenhe.documents.OfficialDocument;
import cn.gov.linfen.fenhe.documents.OfficialDocument.Cell;
import cn.gov.linfen.fenhe.documents.OfficialDocument.Row;
import cn.gov.linfen.fenhe.documents.PreparedDocument;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Elements;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Groups;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * P1's official documents, laid out as the appendices of 临政办发〔2021〕21号: 附件1 申请表, 附件2 审核表 (every
 * department's opinion, who signed and when, the sign-off) and 附件3 拨款通知书 (its number, the transfer
 * date "于 YYYY年M月D日前", the amount in figures and in capitals, the bank details).
 */
public class SoeReformFundDocuments implements CaseDocuments {

  public static final DocumentKind APPLICATION =
      new DocumentKind("application", "临汾市国有企业改革专项资金申请表");
  public static final DocumentKind REVIEW_TABLE =
      new DocumentKind("review-table", "临汾市国有企业改革专项资金审核表");
  public static final DocumentKind DISBURSEMENT_NOTICE =
      new DocumentKind("disbursement-notice", "临汾市国企改革专项资金拨款通知书");

  /** The reform office's prefix of notice numbers: 临企改拨〔2026〕7号. */
  public static final String NOTICE_PREFIX = "临企改拨";

  static final Map<String, String> REFORM_TYPES =
      Map.of(
          SoeReformFundProcess.ReformTypes.BANKRUPTCY, "破产",
          SoeReformFundProcess.ReformTypes.LIQUIDATION, "清算注销");

  /** The rows of Appendix 2: label, the reviewing task, its opinion variable, the group. */
  record ReviewRow(String label, String taskKey, String opinion, String group) {}

  static final List<ReviewRow> REVIEWS =
      List.of(
          new ReviewRow(
              "主管部门（破产管理人）意见",
              Elements.SUPERVISING_DEPARTMENT_COST_REVIEW,
              SUPERVISING_DEPARTMENT_REVIEW_OPINION,
              Groups.SUPERVISING_DEPARTMENT),
          new ReviewRow("人社部门审核意见", Elements.HRSS_REVIEW, HRSS_REVIEW_OPINION, Groups.HRSS_BUREAU),
          new ReviewRow(
              "医保部门审核意见",
              Elements.MEDICAL_INSURANCE_REVIEW,
              MEDICAL_INSURANCE_REVIEW_OPINION,
              Groups.MEDICAL_INSURANCE_BUREAU),
          new ReviewRow(
              "卫健部门审核意见",
              Elements.HEALTH_COMMISSION_REVIEW,
              HEALTH_COMMISSION_REVIEW_OPINION,
              Groups.HEALTH_COMMISSION),
          new ReviewRow("国资部门审核意见", Elements.SASAC_REVIEW, SASAC_REVIEW_OPINION, Groups.SASAC),
          new ReviewRow("财政部门复核意见", Elements.FINANCE_RECHECK, FINANCE_RECHECK_OPINION, null));

  private final DocumentNumbers numbers;
  private final ZoneId zone;

  public SoeReformFundDocuments(DocumentNumbers numbers, ZoneId zone) {
    this.numbers = numbers;
    this.zone = zone;
  }

  @Override
  public String processKey() {
    return SoeReformFundProcess.KEY;
  }

  @Override
  public List<DocumentKind> kinds() {
    return List.of(APPLICATION, REVIEW_TABLE, DISBURSEMENT_NOTICE);
  }

  @Override
  public Optional<PreparedDocument> prepare(CaseData data, DocumentKind kind) {
    if (kind.equals(APPLICATION)) {
      return Optional.of(
          new PreparedDocument(kind, null, data.startedAt(), () -> application(data)));
    }
    if (kind.equals(REVIEW_TABLE)) {
      return data.lastDone(Elements.COMPLETENESS_CHECK)
          .map(
              done ->
                  new PreparedDocument(
                      kind, null, lastReview(data, done.completedAt()), () -> reviewTable(data)));
    }
    if (kind.equals(DISBURSEMENT_NOTICE)) {
      return numbers
          .find(data.businessKey(), kind.kind())
          .filter(issued -> data.variable(TRANSFER_DUE_DATE) != null)
          .map(
              issued ->
                  new PreparedDocument(
                      kind,
                      issued.number(),
                      issued.issuedAt(),
                      () -> notice(data, issued.number(), date(issued.issuedAt()))));
    }
    return Optional.empty();
  }

  private java.time.Instant lastReview(CaseData data, java.time.Instant since) {
    java.time.Instant last = since;
    for (CaseData.DoneTask task : data.tasks()) {
      if (task.completedAt().isAfter(last)) {
        last = task.completedAt();
      }
    }
    return last;
  }

  private LocalDate date(java.time.Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  // ------------------------------------------------------------------ 附件1 申请表

  OfficialDocument application(CaseData data) {
    String opinion =
        data.lastDone(Elements.INITIAL_REVIEW)
            .map(
                done ->
                    "经审核，"
                        + data.text(INITIAL_REVIEW_OPINION)
                        + "\n主管部门负责人签字："
                        + done.assigneeName()
                        + "\n（单位公章）\n"
                        + ChineseFormat.date(date(done.completedAt())))
            .orElse("经审核，\n主管部门负责人签字：\n（单位公章）\n年　月　日");
    String purpose =
        "企业改革成本 "
            + wan(data.variable(TOTAL_REFORM_COST))
            + "，资产变现 "
            + wan(sum(data.variable(ASSET_REALIZATION), data.variable(LAND_PROCEEDS)))
            + "，用于支付了企业改革成本中的相应费用，现申请缺口资金 "
            + wan(data.variable(REQUESTED_AMOUNT))
            + "，用于支付"
            + data.text(FUND_PURPOSE)
            + "。";
    float[] widths = {3, 4, 2, 3};
    List<Row> rows = new ArrayList<>();
    rows.add(Row.of("企业名称", Cell.span(data.text(ENTERPRISE_NAME), 3)));
    rows.add(
        Row.of(
            "企业法定代表人",
            data.text(LEGAL_REPRESENTATIVE),
            "联系电话",
            data.text(LEGAL_REPRESENTATIVE_PHONE)));
    rows.add(
        Row.of("清算组负责人\n（破产管理人组长）", data.text(TEAM_LEADER), "联系电话", data.text(TEAM_LEADER_PHONE)));
    rows.add(Row.of("改革方式", Cell.span(REFORM_TYPES.getOrDefault(data.text(REFORM_TYPE), ""), 3)));
    rows.add(Row.of("申请金额", Cell.span(amount(data.variable(REQUESTED_AMOUNT)), 3)));
    rows.add(Row.of("申请资金用途", Cell.span(purpose, 3)));
    rows.add(
        Row.of(
            "企业主管部门\n审核意见\n（" + data.text(SUPERVISING_DEPARTMENT_NAME) + "）",
            Cell.span(opinion, 3)));
    return OfficialDocument.titled(APPLICATION.name(), null)
        .heading("破产管理人（清算组）：" + data.text(ENTERPRISE_NAME) + "清算组")
        .table(widths, rows)
        .heading("申请编号：" + data.text(APPLICATION_NUMBER) + "　　案件编号：" + data.businessKey())
        .build();
  }

  // ------------------------------------------------------------------ 附件2 审核表

  OfficialDocument reviewTable(CaseData data) {
    List<String> reviewers = ComputingFundingGap.attachmentCodes(data.variable(REVIEWER_GROUPS));
    float[] widths = {4, 8};
    List<Row> rows = new ArrayList<>();
    rows.add(Row.of("企业名称", data.text(ENTERPRISE_NAME)));
    rows.add(Row.of("改革方式", REFORM_TYPES.getOrDefault(data.text(REFORM_TYPE), "")));
    rows.add(Row.of("申请资金总额", amount(data.variable(REQUESTED_AMOUNT))));
    rows.add(Row.of("清算费用（破产管理人费用）\n审核情况", amount(data.variable(LIQUIDATION_COST_AMOUNT))));
    rows.add(Row.of("职工安置费用\n审核情况", amount(data.variable(RESETTLEMENT_COST_AMOUNT))));
    for (ReviewRow review : REVIEWS) {
      boolean involved = review.group() == null || reviewers.contains(review.group());
      rows.add(Row.of(review.label(), opinion(data, review.taskKey(), review.opinion(), involved)));
    }
    String signOffLabel = "市政府领导审签\n（或市企改办审签）";
    Optional<CaseData.DoneTask> government = data.lastDone(Elements.MUNICIPAL_GOVERNMENT_SIGN_OFF);
    Optional<CaseData.DoneTask> office = data.lastDone(Elements.REFORM_OFFICE_SIGN_OFF);
    StringBuilder signOff = new StringBuilder();
    office.ifPresent(
        done ->
            signOff.append(
                signed(
                    "市企改办：" + data.text(REFORM_OFFICE_SIGN_OFF_OPINION),
                    done,
                    data.lastDone(Elements.LEADER_CONSENT)
                        .map(l -> "\n市政府领导同意：" + data.text(LEADER_CONSENT_OPINION))
                        .orElse(""))));
    government.ifPresent(
        done ->
            signOff
                .append(signOff.length() > 0 ? "\n" : "")
                .append(
                    signed("市政府：" + data.text(MUNICIPAL_GOVERNMENT_SIGN_OFF_OPINION), done, "")));
    rows.add(
        Row.of(
            signOffLabel, signOff.length() == 0 ? "（尚未审签）\n签字（盖章）：\n年　月　日" : signOff.toString()));
    return OfficialDocument.titled(REVIEW_TABLE.name(), null)
        .table(widths, rows)
        .heading("申请编号：" + data.text(APPLICATION_NUMBER) + "　　案件编号：" + data.businessKey())
        .build();
  }

  private String opinion(CaseData data, String taskKey, String variable, boolean involved) {
    if (!involved) {
      return "（本申请不涉及）";
    }
    return data.lastDone(taskKey)
        .map(done -> signed(data.text(variable), done, ""))
        .orElse("（尚未审核）\n签字（盖章）：\n年　月　日");
  }

  private String signed(String opinion, CaseData.DoneTask done, String more) {
    return opinion
        + more
        + "\n签字（盖章）："
        + done.assigneeName()
        + "\n"
        + ChineseFormat.date(date(done.completedAt()));
  }

  // ------------------------------------------------------------------ 附件3 拨款通知书

  OfficialDocument notice(CaseData data, String number, LocalDate issuedOn) {
    BigDecimal disbursement = Yuan.parse(data.variable(DISBURSEMENT_AMOUNT));
    LocalDate due = LocalDate.parse(data.text(TRANSFER_DUE_DATE));
    String verb =
        SoeReformFundProcess.Decided.LEND.equals(data.text(DISBURSEMENT_TYPE)) ? "借款" : "支付";
    String text =
        "经"
            + IssuingDisbursementNotice.reviewers(
                ComputingFundingGap.attachmentCodes(data.variable(REVIEWER_GROUPS)))
            + "审核，"
            + data.text(ENTERPRISE_NAME)
            + "申请的改革资金 "
            + wan(data.variable(REQUESTED_AMOUNT))
            + "，符合政策要求。同意"
            + verb
            + "资金 "
            + wan(disbursement)
            + "，请你公司收到通知后，于"
            + ChineseFormat.date(due)
            + "前，与企业主管部门完成资金划转。";
    float[] widths = {3, 9};
    List<Row> rows =
        List.of(
            Row.of(verb + "金额（小写）", disbursement == null ? "" : ChineseFormat.yuan(disbursement)),
            Row.of(
                verb + "金额（大写）", disbursement == null ? "" : ChineseFormat.capitals(disbursement)),
            Row.of("户　名", data.text(ACCOUNT_NAME)),
            Row.of("账　号", data.text(ACCOUNT_NUMBER)),
            Row.of("开户行", data.text(BANK_NAME)),
            Row.of("行　号", data.text(BANK_CODE)),
            Row.of("联系人", data.text(ACCOUNT_CONTACT) + "　电话：" + data.text(ACCOUNT_CONTACT_PHONE)));
    return OfficialDocument.titled(DISBURSEMENT_NOTICE.name(), number)
        .heading("临汾济林投资有限公司：")
        .paragraph(text)
        .paragraph("资金及账户信息如下：")
        .table(widths, rows)
        .paragraph("特此通知")
        .signature("市企改办", ChineseFormat.date(issuedOn))
        .build();
  }

  private static String amount(Object value) {
    BigDecimal amount = Yuan.parse(value);
    if (amount == null) {
      return "—";
    }
    return ChineseFormat.wan(amount)
        + "（"
        + ChineseFormat.yuan(amount)
        + "，大写："
        + ChineseFormat.capitals(amount)
        + "）";
  }

  private static String wan(Object value) {
    BigDecimal amount = Yuan.parse(value);
    return amount == null ? "—" : ChineseFormat.wan(amount);
  }

  private static BigDecimal sum(Object a, Object b) {
    return Yuan.orZero(a).add(Yuan.orZero(b));
  }
}
