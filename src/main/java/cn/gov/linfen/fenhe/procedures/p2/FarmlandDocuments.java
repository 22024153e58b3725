package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Variables.*;

import cn.gov.linfen.fenhe.common.ChineseFormat;
import cn.gov.linfen.fenhe.documents.CaseData;
import cn.gov.linfen.fenhe.documents.CaseDocuments;
import cn.gov.linfen.fenhe.documents.DocumentKind;
import cn.gov.linfen.fenhe.documents.OfficialDocument;
import cn.gov.linfen.fenhe.documents.OfficialDocument.Row;
import cn.gov.linfen.fenhe.documents.PreparedDocument;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Elements;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * P2's official documents (临政办发〔2021〕18号 二): the 公示 the village committee posts (with its dates:
 * from the start day for the notice's days, "不少于10天") and the 设施农业用地备案表 the township files. The
 * gazette gives no form for either: the layout follows the agreement's contents the text names
 * (用地位置、规模、用途、年限、土地复垦要求、土地交还、违约责任).
 */
public class FarmlandDocuments implements CaseDocuments {

  public static final DocumentKind FILING = new DocumentKind("farmland-filing", "设施农业用地备案表");
  public static final DocumentKind NOTICE = new DocumentKind("farmland-notice", "设施农业用地公示");

  private final ZoneId zone;
  private final OpeningNotice opening;

  public FarmlandDocuments(ZoneId zone) {
    this.zone = zone;
    this.opening = new OpeningNotice(zone);
  }

  @Override
  public String processKey() {
    return FarmlandProcess.KEY;
  }

  @Override
  public List<DocumentKind> kinds() {
    return List.of(NOTICE, FILING);
  }

  @Override
  public Optional<PreparedDocument> prepare(CaseData data, DocumentKind kind) {
    if (kind.equals(NOTICE)) {
      LocalDate start = opening.date(data.variable(NOTICE_START_DATE));
      if (start == null || !(data.variable(NOTICE_ENDS_AT) instanceof Date)) {
        return Optional.empty();
      }
      return Optional.of(
          new PreparedDocument(
              kind, null, start.atStartOfDay(zone).toInstant(), () -> notice(data, start)));
    }
    if (kind.equals(FILING)) {
      if (data.variable(FILING_NUMBER) == null) {
        return Optional.empty();
      }
      Instant filedAt =
          data.variable(FILED_AT) instanceof Date date ? date.toInstant() : data.startedAt();
      return Optional.of(
          new PreparedDocument(
              kind, data.text(FILING_NUMBER), filedAt, () -> filing(data, filedAt)));
    }
    return Optional.empty();
  }

  private List<Row> land(CaseData data) {
    List<Row> rows = new ArrayList<>();
    rows.add(Row.of("设施农业经营者", data.text(OPERATOR_NAME)));
    rows.add(Row.of("农村集体经济组织", data.text(VILLAGE_COLLECTIVE)));
    rows.add(
        Row.of(
            "用地位置",
            data.text(COUNTY)
                + data.text(TOWNSHIP)
                + data.text(VILLAGE)
                + "　"
                + data.text(FACILITY_LOCATION)));
    rows.add(Row.of("设施类型", data.text(FACILITY_TYPE)));
    rows.add(Row.of("用地规模", data.text(AREA_MU) + " 亩"));
    rows.add(Row.of("用途", data.text(LAND_USE)));
    rows.add(Row.of("使用年限", data.text(TERM_YEARS) + " 年"));
    rows.add(
        Row.of(
            "是否占用永久基本农田",
            Boolean.TRUE.equals(data.variable(USES_PERMANENT_BASIC_FARMLAND)) ? "是" : "否"));
    rows.add(Row.of("土地复垦要求", data.text(RECLAMATION_REQUIREMENTS)));
    rows.add(Row.of("土地交还", data.text(LAND_RETURN)));
    rows.add(Row.of("违约责任", data.text(BREACH_LIABILITY)));
    return rows;
  }

  OfficialDocument notice(CaseData data, LocalDate start) {
    Object days = data.variable(NOTICE_DAYS);
    int noticeDays = days instanceof Number n ? n.intValue() : OpeningNotice.MINIMUM_DAYS;
    LocalDate last = start.plusDays(noticeDays - 1L);
    return OfficialDocument.titled(NOTICE.name(), null)
        .paragraph(
            "根据《临汾市人民政府办公室关于建立设施农业用地常态长效监管机制的通知》（临政办发〔2021〕18号），"
                + data.text(OPERATOR_NAME)
                + "与"
                + data.text(VILLAGE_COLLECTIVE)
                + "就设施农业用地协商一致，拟签订用地协议。现将有关情况公示如下：")
        .table(new float[] {3, 8}, land(data))
        .paragraph(
            "公示期："
                + ChineseFormat.date(start)
                + "至"
                + ChineseFormat.date(last)
                + "（共"
                + noticeDays
                + "日）。公示期间，对上述用地有异议的，请向"
                + data.text(VILLAGE)
                + "村民委员会或"
                + data.text(TOWNSHIP)
                + "人民政府书面或口头反映。"
                + ChineseFormat.date(last.plusDays(1))
                + "起无异议的，双方签订用地协议。")
        .signature(data.text(VILLAGE) + "村民委员会", ChineseFormat.date(start))
        .build();
  }

  OfficialDocument filing(CaseData data, Instant filedAt) {
    List<Row> rows = land(data);
    rows.add(Row.of("用地协议编号", data.text(AGREEMENT_NUMBER)));
    rows.add(Row.of("农村集体经济组织确认", data.text(COLLECTIVE_SIGNATORY)));
    rows.add(Row.of("公示情况", data.text(NOTICE_PERIOD)));
    if (Boolean.TRUE.equals(data.variable(USES_PERMANENT_BASIC_FARMLAND))) {
      rows.add(
          Row.of(
              "县级自然资源部门意见",
              data.text(NATURAL_RESOURCES_REVIEW_OPINION)
                  + "\n同意文号："
                  + data.text(CONSENT_DOCUMENT_NUMBER)
                  + "\n补划方案："
                  + data.text(COMPENSATION_PLAN)));
    }
    String townshipCheck =
        data.lastDone(Elements.TOWNSHIP_CHECK)
            .map(
                done ->
                    data.text(TOWNSHIP_CHECK_OPINION)
                        + "\n经办人："
                        + done.assigneeName()
                        + "\n"
                        + ChineseFormat.date(done.completedAt().atZone(zone).toLocalDate()))
            .orElse("");
    rows.add(Row.of("乡镇政府核查意见", townshipCheck));
    LocalDate filedOn = filedAt.atZone(zone).toLocalDate();
    rows.add(Row.of("备案日期", ChineseFormat.date(filedOn)));
    return OfficialDocument.titled(FILING.name(), data.text(FILING_NUMBER))
        .table(new float[] {3, 8}, rows)
        .paragraph("经备案后，经营者不得随意改变用途及规模；备案后方可动工建设。")
        .signature(data.text(TOWNSHIP) + "人民政府（盖章）", ChineseFormat.date(filedOn))
        .build();
  }
}
