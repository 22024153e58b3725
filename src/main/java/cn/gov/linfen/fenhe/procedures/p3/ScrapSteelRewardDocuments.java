package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Variables.*;

import cn.gov.linfen.fenhe.common.ChineseFormat;
import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.Yuan;
import cn.gov.linfen.fenhe.documents.CaseData;
import cn.gov.linfen.fenhe.documents.CaseDocuments;
import cn.gov.linfen.fenhe.documents.DocumentKind;
import cn.gov.linfen.fenhe.documents.OfficialDocument;
import cn.gov.linfen.fenhe.documents.OfficialDocument.Cell;
import cn.gov.linfen.fenhe.documents.OfficialDocument.Row;
import cn.gov.linfen.fenhe.documents.PreparedDocument;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Elements;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * P3's confirmation table (确认表, 临政办发〔2021〕20号 三: "市工信局会同市税务局、市财政局予以确认") of one enterprise's
 * half-year reward: the five taxes it paid, the city's and the county's retained shares (the
 * reward, 二) in figures and in capitals, and who confirmed when. The gazette gives no form: the
 * rows follow the text.
 */
public class ScrapSteelRewardDocuments implements CaseDocuments {

  public static final DocumentKind CONFIRMATION =
      new DocumentKind("scrap-steel-confirmation", "废钢铁加工企业奖励资金确认表");

  private final ZoneId zone;

  public ScrapSteelRewardDocuments(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public String processKey() {
    return ScrapSteelRewardProcess.KEY;
  }

  @Override
  public List<DocumentKind> kinds() {
    return List.of(CONFIRMATION);
  }

  @Override
  public Optional<PreparedDocument> prepare(CaseData data, DocumentKind kind) {
    if (!kind.equals(CONFIRMATION) || data.variable(REWARD_TOTAL) == null) {
      return Optional.empty();
    }
    return data.lastDone(Elements.FINANCE_CONFIRMATION)
        .filter(done -> Boolean.TRUE.equals(data.variable(FINANCE_APPROVED)))
        .map(
            done ->
                new PreparedDocument(
                    kind, null, done.completedAt(), () -> confirmation(data, done)));
  }

  OfficialDocument confirmation(CaseData data, CaseData.DoneTask finance) {
    List<Row> rows = new ArrayList<>();
    rows.add(Row.of("企业名称", Cell.span(data.text(ENTERPRISE_NAME), 3)));
    rows.add(Row.of("统一社会信用代码", Cell.span(data.text(CREDIT_CODE), 3)));
    rows.add(Row.of("所在县（市、区）", county(data.text(COUNTY)), "申报期间", data.text(PERIOD_LABEL)));
    rows.add(Row.of("税种", "缴纳税额", Cell.span("说明", 2)));
    BigDecimal paid = BigDecimal.ZERO;
    for (String tax : ScrapSteelRewardProcess.Variables.TAXES) {
      BigDecimal amount = Yuan.orZero(data.variable(tax));
      paid = paid.add(amount);
      rows.add(
          Row.of(TaxNames.of(tax), ChineseFormat.yuan(amount), Cell.span("按市、县两级财政留成全额奖励", 2)));
    }
    rows.add(Row.of("五税合计", ChineseFormat.yuan(paid), Cell.span(ChineseFormat.capitals(paid), 2)));
    BigDecimal city = Yuan.orZero(data.variable(REWARD_CITY));
    BigDecimal county = Yuan.orZero(data.variable(REWARD_COUNTY));
    BigDecimal total = Yuan.orZero(data.variable(REWARD_TOTAL));
    rows.add(
        Row.of(
            "市级奖励（市财政拨付）", ChineseFormat.yuan(city), Cell.span(ChineseFormat.capitals(city), 2)));
    rows.add(
        Row.of(
            "县级奖励（县财政拨付）",
            ChineseFormat.yuan(county),
            Cell.span(ChineseFormat.capitals(county), 2)));
    rows.add(
        Row.of(
            "奖励合计",
            ChineseFormat.yuan(total) + "\n（" + ChineseFormat.wan(total) + "）",
            Cell.span(ChineseFormat.capitals(total), 2)));
    rows.add(
        Row.of(
            "县级工信部门意见", Cell.span(signed(data, Elements.COUNTY_REVIEW, COUNTY_REVIEW_OPINION), 3)));
    rows.add(
        Row.of(
            "市工信局确认",
            Cell.span(signed(data, Elements.INDUSTRY_IT_CONFIRMATION, INDUSTRY_IT_OPINION), 3)));
    rows.add(Row.of("市税务局确认", Cell.span(signed(data, Elements.TAX_CONFIRMATION, TAX_OPINION), 3)));
    rows.add(
        Row.of(
            "市财政局确认", Cell.span(signed(data, Elements.FINANCE_CONFIRMATION, FINANCE_OPINION), 3)));
    return OfficialDocument.titled(CONFIRMATION.name() + "（" + data.text(PERIOD_LABEL) + "）", null)
        .table(new float[] {3, 3, 3, 3}, rows)
        .paragraph("计算依据：" + data.text(REWARD_BREAKDOWN))
        .paragraph("企业对奖励资金申报材料的真实性负责（临政办发〔2021〕20号 三）。")
        .signature(
            "临汾市工业和信息化局　临汾市税务局　临汾市财政局",
            ChineseFormat.date(finance.completedAt().atZone(zone).toLocalDate()))
        .build();
  }

  private String signed(CaseData data, String taskKey, String opinion) {
    return data.lastDone(taskKey)
        .map(
            done ->
                data.text(opinion)
                    + "\n签字（盖章）："
                    + done.assigneeName()
                    + "　"
                    + ChineseFormat.date(done.completedAt().atZone(zone).toLocalDate()))
        .orElse("");
  }

  private static String county(String code) {
    return County.of(code).map(County::chineseName).orElse(code);
  }
}
